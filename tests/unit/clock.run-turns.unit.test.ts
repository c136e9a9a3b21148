import { settableClock } from '../../infra/clock/clock.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import {
  clockAgendaCollection,
  clockAgendaProjection,
} from '../../projections/clock-agenda/projection.ts';
import { type ClockRunDeps, runClock } from '../../services/supervision/clock/run.ts';
import { loopTurns } from './support/loop-turns.ts';
import { project } from './support/project.ts';
import { plannedTask } from './support/task-fixtures.ts';

/** Holds the thread for `ms`, as a command on the embedded store does: no turn of the loop. */
const hold = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('a run of the clock on a day of many facts', () => {
  it('lets the event loop take its turns while it issues them, so the service answers meanwhile', async () => {
    // 80 running tasks, each behind its plan on 03-01: 80 light changes to record.
    const item = project(clockAgendaProjection, plannedTask);
    if (!item) throw new Error('expected an agenda');
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    const ids = Array.from({ length: 80 }, (_, k) => `task-${String(k).padStart(2, '0')}`);
    await readModels.commit(
      'clock-agenda',
      ids.map((id) => ({
        collection: clockAgendaCollection,
        id,
        doc: { ...item, id, taskId: id },
      })),
      { from: 0, to: 1 },
    );
    const eventStore = openSqliteEventStore({ path: ':memory:' });
    let issued = 0;
    const deps = {
      eventStore,
      readModels,
      clock: settableClock('2021-03-01T01:00:00.000Z'),
      // Each command takes 2 ms of the thread and answers at once.
      handle: async () => {
        hold(2);
        issued += 1;
        return { replayed: false, events: [{}], position: issued };
      },
    } as unknown as ClockRunDeps;
    const loop = loopTurns();
    const report = await runClock(deps, {
      correlationId: 'test',
      causationId: 'test',
      catchUp: async () => undefined,
      appended: () => undefined,
      stopping: () => false,
      logger: { error: () => undefined },
    });
    loop.stop();
    expect(report.lightsChanged).toBe(80);
    // 160 ms of commands: the loop turned at least every 20 ms or so.
    expect(loop.turns()).toBeGreaterThanOrEqual(5);
    await readModels.close();
    await eventStore.close();
  });
});
