import { randomUUID } from 'node:crypto';
import { eventSchemaVersion } from '../../contracts/events/index.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { toEnvelope } from '../../projections/envelope.ts';
import type { EventEnvelope } from '../../projections/projection.ts';
import { replayedProjections, type Snapshot } from '../../services/boards/as-of/snapshot.ts';
import { createBoardMemory } from '../../services/boards/memory/board-memory.ts';
import { applyPage } from '../../services/projector/apply-page.ts';
import {
  assigned,
  blocked,
  boardLog,
  indicator,
  planned,
  registered,
  reported,
  resolved,
  rulesetPublished,
  unit,
  valued,
} from './support/boards.ts';
import { storeOf } from './support/boards-store.ts';

const year = () =>
  boardLog()
    .on('2021-01-04', unit('edu'), registered('t1'), assigned('t1', 'edu'))
    .on('2021-01-04', planned('t1', 'm1', '2021-06-30'), planned('t1', 'm2', '2021-12-31'))
    .on('2021-01-05', registered('t2'), assigned('t2', 'edu'), planned('t2', 'm1', '2021-09-30'))
    .on('2021-02-01', reported('t1', 'm1', 30), blocked('t1', 'b1', null, 'edu'))
    .on('2021-02-02', indicator('t2', 'i1', 100, 'gte'), valued('t2', 'i1', 40, '2021-02-02'))
    .on('2021-03-01', rulesetPublished({ inForceFrom: '2021-03-01' }))
    .on(
      '2021-03-02',
      reported('t1', 'm1', 60),
      resolved('t1', 'b1'),
      valued('t2', 'i1', 55, '2021-03-02'),
    )
    .on('2021-04-01', reported('t2', 'm1', 20), unit('env'));

/** Read models as the projector leaves them: documents through `projected`, the checkpoint at `checkpoint`. */
const readModelsAt = async (
  envelopes: readonly EventEnvelope[],
  projected: number,
  checkpoint: number,
) => {
  const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
  const changes = applyPage(replayedProjections, new Map(), envelopes.slice(0, projected));
  if (checkpoint > 0) await readModels.commit('main', changes, { from: 0, to: checkpoint });
  return readModels;
};

/** A snapshot's documents, each collection sorted by id, for comparison. */
const documentsOf = (snapshot: Snapshot) => {
  const { byTask: _, ...docs } = snapshot.docs;
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return Object.fromEntries(
    Object.entries(docs).map(([key, list]) => [
      key,
      [...(list as readonly { id: string }[])].sort(byId),
    ]),
  );
};

describe("the boards' documents held in memory", () => {
  const log = year();
  const envelopes = log.envelopes();
  const replayed = log.input('2099-12-31');

  it.each([0, 5, envelopes.length])(
    'are those of a replay of the whole log, from read models at %i',
    async (checkpoint) => {
      const eventStore = await storeOf(envelopes);
      const stored = await eventStore.readAll({ after: 0, limit: 1000 });
      const readModels = await readModelsAt(stored.map(toEnvelope), checkpoint, checkpoint);
      const memory = createBoardMemory({ eventStore, readModels, pageSize: 2 });
      const snapshot = await memory.latest();
      expect(documentsOf(snapshot)).toEqual(
        documentsOf({ ...replayed, rulesets: [], calendars: [] }),
      );
      expect(snapshot.position).toBe(envelopes.length);
      expect(snapshot.rulesets).toHaveLength(1);
    },
  );

  it('apply nothing twice to documents read ahead of the checkpoint', async () => {
    const eventStore = await storeOf(envelopes);
    const stored = (await eventStore.readAll({ after: 0, limit: 1000 })).map(toEnvelope);
    // Documents written by a later commit than the checkpoint read first.
    const readModels = await readModelsAt(stored, 15, 8);
    const snapshot = await createBoardMemory({ eventStore, readModels }).latest();
    expect(documentsOf(snapshot)).toEqual(
      documentsOf({ ...replayed, rulesets: [], calendars: [] }),
    );
    expect(snapshot.rulesets).toHaveLength(1);
  });

  it('hand out the same snapshot until an event changes a document', async () => {
    const events = envelopes.slice(0, 10);
    const eventStore = await storeOf(events);
    const readModels = await readModelsAt([], 0, 0);
    const memory = createBoardMemory({ eventStore, readModels });
    const first = await memory.latest();
    expect(await memory.latest()).toBe(first);

    const later = year()
      .on('2021-05-01', reported('t2', 'm1', 45))
      .envelopes()
      .at(-1);
    if (!later) throw new Error('expected the later report');
    await eventStore.appendToStream(
      'any',
      [
        {
          id: randomUUID(),
          type: later.event.type,
          version: eventSchemaVersion(later.event.type),
          data: later.event.data,
          metadata: {
            actor: { id: 'office-1', role: 'office' },
            correlationId: 'c',
            causationId: 'c',
            idempotencyKey: randomUUID(),
            recordedAt: later.recordedAt,
          },
          recordedAt: later.recordedAt,
        },
      ],
      { expectedRevision: 'any' },
    );
    const next = await memory.latest();
    expect(next).not.toBe(first);
    expect(next.position).toBe(11);
    const t2 = next.docs.tasks.find((task) => task.id === 't2');
    expect(t2?.shares).toEqual([expect.objectContaining({ id: 'm1', percent: 45 })]);
    // Only t2's milestones were grouped again; t1's list is the same object.
    expect(next.docs.byTask?.milestones.get('t1')).toBe(first.docs.byTask?.milestones.get('t1'));
    expect(next.docs.byTask?.milestones.get('t2')).toEqual([
      expect.objectContaining({ id: 't2/m1', percent: 45 }),
    ]);
  });

  it('share one pass over the log between concurrent callers', async () => {
    const eventStore = await storeOf(envelopes);
    const readModels = await readModelsAt([], 0, 0);
    const reads = jest.spyOn(eventStore, 'readAll');
    const memory = createBoardMemory({ eventStore, readModels, pageSize: 100 });
    const [a, b] = await Promise.all([memory.latest(), memory.latest()]);
    expect(a).toBe(b);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
