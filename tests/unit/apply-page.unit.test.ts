import type { DomainEvent } from '../../contracts/events/index.ts';
import type { EventEnvelope, Projection } from '../../projections/projection.ts';
import { applyPage, touchedDocuments } from '../../services/projector/apply-page.ts';

type Doc = { position: number } & Record<string, unknown>;

/**
 * Counts the events of each stream; an assignment removes the count, and a
 * stream named `ignored-…` touches no document.
 */
const counters: Projection<Doc> = {
  name: 'counters',
  collection: 'counters',
  handles: ['UnitRegistered', 'TaskRegistered', 'TaskAssigned'],
  documentId: (envelope) => (envelope.streamId.startsWith('ignored-') ? null : envelope.streamId),
  evolve: (doc, envelope) => {
    if (envelope.event.type === 'TaskAssigned') return null;
    const count = typeof doc?.count === 'number' ? doc.count : 0;
    return { stream: envelope.streamId, count: count + 1, position: envelope.position };
  },
};

/** Remembers the last unit registered, in one document. */
const lastUnit: Projection<Doc> = {
  name: 'last-unit',
  collection: 'last-unit',
  handles: ['UnitRegistered'],
  documentId: () => 'last',
  evolve: (_doc, envelope) =>
    envelope.event.type === 'UnitRegistered'
      ? { unitId: envelope.event.data.unitId, position: envelope.position }
      : null,
};

const projections = [counters, lastUnit];

const unitRegistered = (unitId: string): DomainEvent => ({
  type: 'UnitRegistered',
  data: { unitId, name: unitId },
});

const taskRegistered = (taskId: string): DomainEvent => ({
  type: 'TaskRegistered',
  data: {
    taskId,
    title: 'Build schools',
    description: null,
    section: null,
    plannedStart: '2021-03-01',
    dueDate: '2021-12-31',
  },
});

const taskAssigned = (taskId: string): DomainEvent => ({
  type: 'TaskAssigned',
  data: { taskId, leadUnitId: 'edu', cooperatingUnitIds: [], responsibleLeader: null },
});

const milestonePlanned = (taskId: string): DomainEvent => ({
  type: 'MilestonePlanned',
  data: { taskId, milestoneId: 'm1', title: 'Sites', dueDate: '2021-06-30', weight: 1 },
});

const envelope = (
  position: number,
  streamId: string,
  event: DomainEvent,
  revision = 0,
): EventEnvelope => ({
  event,
  position,
  streamId,
  revision,
  recordedAt: new Date(Date.UTC(2021, 2, position, 8)).toISOString(),
  actorId: 'office-1',
});

const page = [
  envelope(1, 'unit-edu', unitRegistered('edu')),
  envelope(2, 'task-1', taskRegistered('task-1')),
  envelope(3, 'unit-land', unitRegistered('land')),
  envelope(4, 'task-1', milestonePlanned('task-1'), 1),
  envelope(5, 'task-2', taskRegistered('task-2')),
  envelope(6, 'ignored-1', taskRegistered('ignored-1')),
];

const loadedWith = (collection: string, docs: Record<string, Doc>) =>
  new Map([[collection, new Map(Object.entries(docs))]]);

describe('the documents a page touches', () => {
  it('are the ids each projection names, grouped per collection', () => {
    const touched = touchedDocuments(projections, page);
    expect([...touched.keys()].sort()).toEqual(['counters', 'last-unit']);
    expect([...(touched.get('counters') ?? [])].sort()).toEqual([
      'task-1',
      'task-2',
      'unit-edu',
      'unit-land',
    ]);
    expect([...(touched.get('last-unit') ?? [])]).toEqual(['last']);
  });

  it('leave out events no projection handles and events that touch no document', () => {
    const touched = touchedDocuments(projections, [
      envelope(1, 'task-1', milestonePlanned('task-1')),
      envelope(2, 'ignored-1', taskRegistered('ignored-1')),
    ]);
    expect(touched.size).toBe(0);
  });

  it('are none for an empty page', () => {
    expect(touchedDocuments(projections, []).size).toBe(0);
  });
});

describe('applying a page', () => {
  it('yields one change per touched document, with its final state', () => {
    const changes = applyPage(projections, new Map(), [
      ...page,
      envelope(7, 'task-1', taskRegistered('task-1'), 2),
    ]);
    const byKey = new Map(changes.map((change) => [`${change.collection}/${change.id}`, change]));
    expect(changes).toHaveLength(5);
    expect(byKey.get('counters/task-1')?.doc).toEqual({
      stream: 'task-1',
      count: 2,
      position: 7,
    });
    expect(byKey.get('counters/task-2')?.doc).toEqual({ stream: 'task-2', count: 1, position: 5 });
    expect(byKey.get('counters/unit-edu')?.doc).toEqual({
      stream: 'unit-edu',
      count: 1,
      position: 1,
    });
    expect(byKey.get('counters/unit-land')?.doc).toEqual({
      stream: 'unit-land',
      count: 1,
      position: 3,
    });
    expect(byKey.get('last-unit/last')).toEqual({
      collection: 'last-unit',
      id: 'last',
      doc: { unitId: 'land', position: 3 },
    });
  });

  it('builds on the loaded documents', () => {
    const loaded = loadedWith('counters', {
      'task-1': { stream: 'task-1', count: 5, position: 1 },
    });
    const changes = applyPage([counters], loaded, [
      envelope(2, 'task-1', taskRegistered('task-1')),
    ]);
    expect(changes).toEqual([
      { collection: 'counters', id: 'task-1', doc: { stream: 'task-1', count: 6, position: 2 } },
    ]);
  });

  it('ignores events at or below the position a loaded document was built from', () => {
    const loaded = loadedWith('counters', {
      'task-1': { stream: 'task-1', count: 2, position: 7 },
    });
    const changes = applyPage([counters], loaded, [
      envelope(6, 'task-1', taskRegistered('task-1')),
      envelope(7, 'task-1', taskRegistered('task-1')),
      envelope(8, 'task-1', taskRegistered('task-1')),
    ]);
    expect(changes).toEqual([
      { collection: 'counters', id: 'task-1', doc: { stream: 'task-1', count: 3, position: 8 } },
    ]);
  });

  it('changes nothing when the page is delivered again', () => {
    const first = applyPage(projections, new Map(), page);
    const loaded = new Map<string, Map<string, Doc>>();
    for (const change of first) {
      const docs = loaded.get(change.collection) ?? new Map<string, Doc>();
      docs.set(change.id, change.doc as Doc);
      loaded.set(change.collection, docs);
    }
    expect(applyPage(projections, loaded, page)).toEqual([]);
  });

  it('deletes a document its projection evolves to null', () => {
    const loaded = loadedWith('counters', {
      'task-1': { stream: 'task-1', count: 1, position: 1 },
    });
    const changes = applyPage([counters], loaded, [envelope(2, 'task-1', taskAssigned('task-1'))]);
    expect(changes).toEqual([{ collection: 'counters', id: 'task-1', doc: null }]);
  });

  it('builds a document again after deleting it within the page', () => {
    const changes = applyPage([counters], new Map(), [
      envelope(1, 'task-1', taskRegistered('task-1')),
      envelope(2, 'task-1', taskAssigned('task-1'), 1),
      envelope(3, 'task-1', taskRegistered('task-1'), 2),
    ]);
    expect(changes).toEqual([
      { collection: 'counters', id: 'task-1', doc: { stream: 'task-1', count: 1, position: 3 } },
    ]);
  });

  it('yields no change for a document that never existed and evolves to null', () => {
    expect(
      applyPage([counters], new Map(), [envelope(1, 'task-1', taskAssigned('task-1'))]),
    ).toEqual([]);
  });

  it('does not mutate the loaded documents', () => {
    const doc = { stream: 'task-1', count: 1, position: 1 };
    const loaded = loadedWith('counters', { 'task-1': doc });
    const before = structuredClone(loaded);
    applyPage(projections, loaded, [
      ...page.slice(1),
      envelope(7, 'task-1', taskAssigned('task-1'), 2),
      envelope(8, 'task-3', taskRegistered('task-3')),
    ]);
    expect(loaded).toEqual(before);
    expect(loaded.get('counters')?.get('task-1')).toBe(doc);
    expect(loaded.size).toBe(1);
    expect(loaded.get('counters')?.size).toBe(1);
  });
});
