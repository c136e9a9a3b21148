import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import type { EventEnvelope } from '../../projections/projection.ts';
import { createAsOfSnapshots, documentsOf } from '../../services/boards/as-of/as-of-snapshots.ts';
import { createLru } from '../../services/boards/as-of/lru.ts';
import { type Replayed, replayDays } from '../../services/boards/as-of/replay.ts';
import { replayedProjections } from '../../services/boards/as-of/snapshot.ts';
import { applyPage } from '../../services/projector/apply-page.ts';
import {
  assigned,
  blocked,
  boardLog,
  completed,
  official,
  planned,
  postAssigned,
  registered,
  reported,
  rulesetPublished,
  unit,
} from './support/boards.ts';

const year = () =>
  boardLog()
    .on(
      '2021-01-04',
      unit('edu'),
      official('wang'),
      postAssigned('wang', 'edu', 'unit_head', '2021-01-04'),
    )
    .on('2021-01-04', registered('t1'), assigned('t1', 'edu'), planned('t1', 'm1', '2021-06-30'))
    .on('2021-02-01', reported('t1', 'm1', 30), blocked('t1', 'b1', null, 'edu'))
    .on('2021-03-01', rulesetPublished({ inForceFrom: '2021-03-01' }))
    .on('2021-06-30', completed('t1', 'm1'));

/** Replays `envelopes` for `days` in one pass. */
const replayOf = (days: string[], envelopes: readonly EventEnvelope[]): Replayed[] => {
  const replay = replayDays(days, replayedProjections);
  for (const envelope of envelopes) replay.apply(envelope);
  return replay.finish();
};

describe('a board as known at the end of a day', () => {
  it('applies only the events recorded by then', () => {
    const input = year().input('2021-02-01');
    expect(input.position).toBe(8);
    expect(input.docs.tasks[0]).toMatchObject({ shares: [{ percent: 30, completed: false }] });
    expect(input.docs.blockages).toHaveLength(1);
  });

  it('counts a day to its end in China Standard Time', () => {
    const envelope = year().envelopes()[6];
    if (!envelope) throw new Error('expected a seventh event');
    // 23:59 CST on 02-01 is 15:59 UTC: still that day; 00:00 CST is the next.
    const [replayed] = replayOf(
      ['2021-02-01'],
      [
        { ...envelope, recordedAt: '2021-02-01T15:59:59.999Z' },
        { ...envelope, position: 99, recordedAt: '2021-02-01T16:00:00.000Z' },
      ],
    );
    expect(replayed?.position).toBe(envelope.position);
  });

  it('knows the rulesets published by then', () => {
    expect(year().input('2021-02-28').ruleset.version).toBe(0);
    expect(year().input('2021-03-01').ruleset.version).toBe(1);
  });

  it('has the documents the projector builds from the same events', () => {
    const envelopes = year().envelopes();
    const [replayed] = replayOf(['2021-12-31'], envelopes);
    const changes = applyPage(replayedProjections, new Map(), envelopes);
    const projected = new Map<string, unknown>(
      changes.map((change) => [`${change.collection}/${change.id}`, change.doc]),
    );
    const replayedDocs = new Map<string, unknown>(
      [...(replayed?.maps ?? [])].flatMap(([collection, docs]) =>
        [...docs].map(([id, doc]) => [`${collection}/${id}`, doc] as const),
      ),
    );
    expect(replayedDocs).toEqual(projected);
    expect(replayedDocs.size).toBe(5);
  });
});

describe('several days replayed in one pass', () => {
  const days = ['2021-01-31', '2021-02-01', '2021-03-15', '2021-12-31'];

  it('give each day what a replay of that day alone gives', () => {
    const envelopes = year().envelopes();
    const together = replayOf(days, envelopes);
    expect(together.map((replayed) => replayed.day)).toEqual(days);
    for (const [index, day] of days.entries()) {
      expect(together[index]).toEqual(replayOf([day], envelopes)[0]);
    }
  });

  it('copy a day off without sharing its maps with later days', () => {
    const [january, , , december] = replayOf(days, year().envelopes());
    expect(january?.maps.get('board_tasks')?.get('t1')).toMatchObject({ shares: [{ percent: 0 }] });
    expect(december?.maps.get('board_tasks')?.get('t1')).toMatchObject({ doneOn: '2021-06-30' });
    expect(january?.maps.get('board_blockages')?.size ?? 0).toBe(0);
  });

  it('still place an event recorded after a later one (a clock set back) on its own day', () => {
    const envelopes = year().envelopes();
    const late = envelopes.at(-1);
    if (!late) throw new Error('expected events');
    // The completion, recorded on 02-01 after events of later days.
    const setBack = [
      ...envelopes.slice(0, -1),
      { ...late, recordedAt: '2021-02-01T02:00:00.000Z' },
    ];
    const [, february] = replayOf(days, setBack);
    expect(february?.maps.get('board_tasks')?.get('t1')).toMatchObject({ doneOn: '2021-02-01' });
    expect(february).toEqual(replayOf(['2021-02-01'], setBack)[0]);
  });

  it('give nothing for no day', () => {
    expect(replayOf([], year().envelopes())).toEqual([]);
  });
});

/** A log in memory that counts how often it is read from the start. */
const storeOf = (envelopes: readonly EventEnvelope[]) => {
  const stored: StoredEvent[] = envelopes.map((envelope) => ({
    id: `e${envelope.position}`,
    type: envelope.event.type,
    version: 1,
    data: envelope.event.data,
    metadata: {
      actor: { id: 'office-1', role: 'office' },
      correlationId: 'c',
      causationId: 'c',
      idempotencyKey: 'k',
      recordedAt: envelope.recordedAt,
    },
    recordedAt: envelope.recordedAt,
    position: envelope.position,
    streamId: envelope.streamId,
    revision: envelope.revision,
  }));
  const reads = { passes: 0, fail: false };
  const readAll: EventStore['readAll'] = async ({ after, limit }) => {
    if (after === 0) reads.passes += 1;
    if (reads.fail) throw new Error('disk on fire');
    return stored.filter((event) => event.position > after).slice(0, limit);
  };
  return { eventStore: { readAll } as EventStore, reads };
};

describe('the snapshots of past days', () => {
  it('replay the log once for the days asked together, in pages', async () => {
    const { eventStore, reads } = storeOf(year().envelopes());
    const snapshots = createAsOfSnapshots({ eventStore, pageSize: 4 });
    const found = await snapshots.snapshots(['2021-02-01', '2021-06-30']);
    expect(reads.passes).toBe(1);
    expect(found.get('2021-02-01')?.position).toBe(8);
    expect(found.get('2021-06-30')?.docs.tasks[0]?.doneOn).toBe('2021-06-30');
  });

  it('are kept, so a day asked again is not replayed', async () => {
    const { eventStore, reads } = storeOf(year().envelopes());
    const snapshots = createAsOfSnapshots({ eventStore });
    const first = await snapshots.snapshots(['2021-02-01']);
    const again = await snapshots.snapshots(['2021-02-01']);
    expect(reads.passes).toBe(1);
    expect(again.get('2021-02-01')).toBe(first.get('2021-02-01'));
  });

  it('replay only the days not kept', async () => {
    const { eventStore, reads } = storeOf(year().envelopes());
    const snapshots = createAsOfSnapshots({ eventStore, cacheSize: 1 });
    await snapshots.snapshots(['2021-02-01']);
    await snapshots.snapshots(['2021-03-01']);
    await snapshots.snapshots(['2021-03-01']);
    expect(reads.passes).toBe(2);
    await snapshots.snapshots(['2021-02-01']);
    expect(reads.passes).toBe(3);
  });

  it('do not keep a failed replay', async () => {
    const { eventStore, reads } = storeOf(year().envelopes());
    const snapshots = createAsOfSnapshots({ eventStore });
    reads.fail = true;
    await expect(snapshots.snapshots(['2021-02-01'])).rejects.toThrow('disk on fire');
    reads.fail = false;
    expect((await snapshots.snapshots(['2021-02-01'])).get('2021-02-01')?.position).toBe(8);
  });
});

describe('the cache of past days', () => {
  it('keeps the most recently used days and drops the oldest', () => {
    const cache = createLru<string, number>(2);
    cache.set('2021-01-31', 1);
    cache.set('2021-02-28', 2);
    expect(cache.get('2021-01-31')).toBe(1);
    cache.set('2021-03-31', 3);
    expect(cache.get('2021-02-28')).toBeUndefined();
    expect(cache.get('2021-01-31')).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity below 1', () => {
    expect(() => createLru(0)).toThrow(RangeError);
    expect(() => createLru(1, -1)).toThrow(RangeError);
  });

  it('drops the oldest days once they weigh more than the bound, never the day used last', () => {
    const cache = createLru<string, string>(10, 100);
    cache.set('a', 'a', 40);
    cache.set('b', 'b', 40);
    expect(cache.weight).toBe(80);
    // Weighed once its value is known: 'a' (the oldest) goes.
    cache.set('c', 'c');
    cache.weigh('c', 30);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'b', 'c']);
    expect(cache.weight).toBe(70);
    // A day heavier than the bound on its own stays while it is the last used.
    cache.set('d', 'd', 500);
    expect(cache.size).toBe(1);
    expect(cache.get('d')).toBe('d');
    cache.delete('d');
    expect(cache.weight).toBe(0);
  });
});

describe('the past days kept in memory, by documents', () => {
  it('are dropped, oldest first, once they hold more documents than the bound', async () => {
    const { eventStore, reads } = storeOf(year().envelopes());
    const snapshots = createAsOfSnapshots({ eventStore, cacheSize: 4, cachedDocuments: 0 });
    const first = (await snapshots.snapshots(['2021-02-01'])).get('2021-02-01');
    expect(first && documentsOf(first)).toBeGreaterThan(0);
    // The day asked last stays, whatever it holds.
    await snapshots.snapshots(['2021-02-01']);
    expect(reads.passes).toBe(1);
    await snapshots.snapshots(['2021-03-01']);
    await snapshots.snapshots(['2021-02-01']);
    expect(reads.passes).toBe(3);
  });

  it('are all kept under a bound they fit in', async () => {
    const { eventStore, reads } = storeOf(year().envelopes());
    const snapshots = createAsOfSnapshots({ eventStore, cacheSize: 4, cachedDocuments: 1000 });
    await snapshots.snapshots(['2021-02-01']);
    await snapshots.snapshots(['2021-03-01']);
    await snapshots.snapshots(['2021-02-01']);
    expect(reads.passes).toBe(2);
  });
});
