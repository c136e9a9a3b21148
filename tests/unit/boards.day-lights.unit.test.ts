import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { createDayLightsSource } from '../../services/boards/as-of/day-lights-source.ts';
import { replayLights } from '../../services/boards/as-of/replay-lights.ts';
import { dayLightsOf, lightsIn } from '../../services/boards/build/day-lights.ts';
import { assigned, boardLog, planned, registered, reported, unit } from './support/boards.ts';
import { storeOf } from './support/boards-store.ts';

const log = boardLog()
  .on('2021-01-01', unit('edu'), registered('a'), assigned('a', 'edu'))
  .on('2021-01-01', planned('a', 'm1', '2021-02-15'))
  .on('2021-01-01', registered('b', { section: 'Environment' }), assigned('b', 'edu'))
  .on('2021-01-01', planned('b', 'm1', '2021-12-31'))
  .on('2021-02-01', reported('b', 'm1', 50));

describe("a past day's lights", () => {
  it('count each section, and all of them when no section is asked', () => {
    const lights = dayLightsOf(log.input('2021-02-28'));
    expect(lights.sections).toEqual([
      { section: 'Education', kind: 'annual_plan', green: 0, yellow: 0, red: 1 },
      { section: 'Environment', kind: 'annual_plan', green: 1, yellow: 0, red: 0 },
    ]);
    expect(lightsIn(lights, null)).toEqual({ green: 1, yellow: 0, red: 1 });
    expect(lightsIn(lights, 'Environment')).toEqual({ green: 1, yellow: 0, red: 0 });
    expect(lightsIn(lights, 'Health')).toEqual({ green: 0, yellow: 0, red: 0 });
    expect(lightsIn(lights, null, 'annual_plan')).toEqual({ green: 1, yellow: 0, red: 1 });
    expect(lightsIn(lights, null, 'public_clue')).toEqual({ green: 0, yellow: 0, red: 0 });
  });

  it('kept before matters had kinds read as the plan’s', () => {
    const kept = {
      day: '2021-02-28',
      position: 1,
      sections: [{ section: 'Education', green: 2, yellow: 0, red: 1 }],
    };
    expect(lightsIn(kept, null, 'annual_plan')).toEqual({ green: 2, yellow: 0, red: 1 });
    expect(lightsIn(kept, null, 'cppcc_proposal')).toEqual({ green: 0, yellow: 0, red: 0 });
  });

  it('are computed once and kept, for another process too', async () => {
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    const asked: string[][] = [];
    const compute = async (days: readonly string[]) => {
      asked.push([...days]);
      return days.map((day) => dayLightsOf(log.input(day)));
    };
    const first = createDayLightsSource({ readModels, compute });
    const days = ['2021-01-31', '2021-02-28'];
    const computed = await first.lightsOn(days);
    expect(computed.map((lights) => lights.day)).toEqual(days);
    expect(await first.lightsOn(days)).toEqual(computed);
    expect(asked).toEqual([days]);

    const restarted = createDayLightsSource({ readModels, compute });
    expect(await restarted.lightsOn([...days, '2021-03-31'])).toEqual([
      ...computed,
      dayLightsOf(log.input('2021-03-31')),
    ]);
    expect(asked).toEqual([days, ['2021-03-31']]);
  });

  it('are computed once for requests asking at the same time', async () => {
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    let passes = 0;
    const compute = async (days: readonly string[]) => {
      passes += 1;
      return days.map((day) => dayLightsOf(log.input(day)));
    };
    const source = createDayLightsSource({ readModels, compute });
    const [a, b] = await Promise.all([
      source.lightsOn(['2021-01-31', '2021-02-28']),
      source.lightsOn(['2021-02-28', '2021-01-31']),
    ]);
    expect(passes).toBe(1);
    expect(b).toEqual([...a].reverse());
  });

  it('are kept once when two nodes compute the same day', async () => {
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    const compute = async (days: readonly string[]) =>
      days.map((day) => dayLightsOf(log.input(day)));
    const [a, b] = [
      createDayLightsSource({ readModels, compute }),
      createDayLightsSource({ readModels, compute }),
    ];
    const [fromA, fromB] = await Promise.all([
      a.lightsOn(['2021-02-28']),
      b.lightsOn(['2021-02-28']),
    ]);
    expect(fromA).toEqual(fromB);
    expect(await readModels.getCheckpoint('board_day_lights/2021-02-28')).toBe(fromA[0]?.position);
  });
});

describe('the lights of several past days in one pass', () => {
  const days = ['2021-01-31', '2021-02-01', '2021-02-28'];

  it('are those of each day as known at its end', async () => {
    const replayed = await replayLights(await storeOf(log.envelopes()), days, { pageSize: 2 });
    expect(replayed.late).toEqual([]);
    expect(replayed.lights).toEqual(days.map((day) => dayLightsOf(log.input(day))));
  });

  it('leave to a replay of their own the days an event recorded earlier reached late', async () => {
    // Recorded on 02-01 but appended after an event of 02-02 (in flight across midnight).
    const late = boardLog()
      .on('2021-01-01', unit('edu'), registered('a'), assigned('a', 'edu'))
      .on('2021-02-02', planned('a', 'm1', '2021-12-31'))
      .on('2021-02-01', reported('a', 'm1', 10))
      .envelopes();
    const replayed = await replayLights(await storeOf(late), ['2021-01-31', '2021-02-01'], {
      pageSize: 2,
    });
    expect(replayed.lights.map((lights) => lights.day)).toEqual(['2021-01-31']);
    expect(replayed.late).toEqual(['2021-02-01']);
  });
});
