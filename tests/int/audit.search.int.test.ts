import type { Actor } from '../../contracts/actor.ts';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { NewEvent, StoredEvent } from '../../infra/event-store/port.ts';
import { refusal } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const office1: Actor = { id: 'office-1', role: 'office' };
const office2: Actor = { id: 'office-2', role: 'office' };
const heads: Actor[] = ['edu', 'env', 'water'].map((unitId) => ({
  id: `head-${unitId}`,
  role: 'department_head',
  unitId,
}));
const actors = [office1, office2, ...heads];
// Types and streams no projection reads: the search is about the log, not the views.
const types = ['ProbeOpened', 'ProbeReported', 'ProbeBlocked', 'ProbeSigned'];

interface Node {
  position: number;
  streamId: string;
  type: string;
  recordedAt: string;
  businessDate: string;
  actor: Actor;
  leafHash: string;
  data: unknown;
}

interface HistoryPage {
  totalCount: number;
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

type Filter = Record<string, unknown>;

/** Event i of the seeded log: actors, units, types and streams in different rhythms. */
const seeded = (i: number): { streamId: string; event: NewEvent } => {
  const actor = actors[i % actors.length]!;
  const recordedAt = new Date(Date.UTC(2021, 0, 1, 4) + i * 6 * 3600_000).toISOString();
  // Every fifth event speaks of an earlier business day than the one it was recorded on.
  const businessDate = i % 5 === 0 ? `2020-12-${String((i % 28) + 1).padStart(2, '0')}` : null;
  return {
    streamId: `probe-t${i % 9}`,
    event: {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: types[i % types.length]!,
      version: 1,
      data: { i, note: `事件 ${i}` },
      metadata: {
        actor,
        correlationId: `c-${i}`,
        causationId: `c-${i}`,
        idempotencyKey: `k-${i}`,
        recordedAt,
        ...(businessDate ? { businessDate } : {}),
      },
      recordedAt,
    },
  };
};

describe('the audit history search', () => {
  let sys: TestSystem;
  let stored: StoredEvent[];
  const count = 157;

  const search = (filter: Filter, actor: Actor = inspector) =>
    sys.system.broker.call<HistoryPage, Filter>('audit.searchHistory', filter, {
      meta: { actor },
    });

  /** Pages through a search 7 at a time; every page must report the same total. */
  const everyPage = async (filter: Filter, actor: Actor = inspector) => {
    const nodes: Node[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: HistoryPage = await search({ ...filter, first: 7, after }, actor);
      totals.add(page.totalCount);
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(totals.size).toBe(1);
    return { positions: nodes.map((node) => node.position), total: [...totals][0], nodes };
  };

  const positionsWhere = (match: (event: StoredEvent) => boolean) =>
    stored.filter(match).map((event) => event.position);

  const businessDate = (event: StoredEvent) =>
    event.metadata.businessDate ??
    new Date(Date.parse(event.recordedAt) + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    sys = await startTestSystem({ AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' });
    const revisions = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const { streamId, event } = seeded(i);
      const revision = revisions.get(streamId) ?? -1;
      await sys.system.stores.eventStore.appendToStream(streamId, [event], {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      revisions.set(streamId, revision + 1);
    }
    stored = await sys.system.stores.eventStore.readAll({ after: 0, limit: 10_000 });
  });
  afterAll(() => sys.stop());

  const cases: [string, Filter, (event: StoredEvent) => boolean][] = [
    ['no filter', {}, () => true],
    ['an actor', { actorId: 'head-env' }, (e) => e.metadata.actor.id === 'head-env'],
    ['a unit', { unitId: 'water' }, (e) => e.metadata.actor.unitId === 'water'],
    ['one type', { types: ['ProbeBlocked'] }, (e) => e.type === 'ProbeBlocked'],
    [
      'two types',
      { types: ['ProbeSigned', 'ProbeOpened'] },
      (e) => e.type === 'ProbeSigned' || e.type === 'ProbeOpened',
    ],
    ['a stream', { streamId: 'probe-t4' }, (e) => e.streamId === 'probe-t4'],
    [
      'a recorded-at range, both ends included',
      { recordedFrom: '2021-01-05T04:00:00Z', recordedTo: '2021-01-12T04:00:00.000Z' },
      (e) =>
        e.recordedAt >= '2021-01-05T04:00:00.000Z' && e.recordedAt <= '2021-01-12T04:00:00.000Z',
    ],
    [
      'a recorded-at range given with an offset',
      { recordedFrom: '2021-01-05T12:00:00+08:00' },
      (e) => e.recordedAt >= '2021-01-05T04:00:00.000Z',
    ],
    [
      'a business-date range',
      { businessFrom: '2020-12-10', businessTo: '2021-01-03' },
      (e) => businessDate(e) >= '2020-12-10' && businessDate(e) <= '2021-01-03',
    ],
    [
      'a unit and a type',
      { unitId: 'edu', types: ['ProbeReported'] },
      (e) => e.metadata.actor.unitId === 'edu' && e.type === 'ProbeReported',
    ],
    [
      'an actor, a stream and a time range',
      { actorId: 'office-2', streamId: 'probe-t1', recordedTo: '2021-02-01T00:00:00Z' },
      (e) =>
        e.metadata.actor.id === 'office-2' &&
        e.streamId === 'probe-t1' &&
        e.recordedAt <= '2021-02-01T00:00:00.000Z',
    ],
    ['an actor who never acted', { actorId: 'nobody' }, () => false],
  ];

  it.each(cases)(
    'narrowed by %s returns every match once, in order, with a stable total',
    async (_, filter, match) => {
      const expected = positionsWhere(match);
      const { positions, total } = await everyPage(filter);
      expect(positions).toEqual(expected);
      expect(total).toBe(expected.length);
    },
  );

  it('checks that the filters really narrow: each case selects a proper, non-empty subset', () => {
    for (const [name, , match] of cases.slice(1, -1)) {
      const selected = positionsWhere(match).length;
      expect({ name, narrowed: selected > 0 && selected < count }).toEqual({
        name,
        narrowed: true,
      });
    }
  });

  it('shows each event as stored, with its business date and the leaf hash the tree holds', async () => {
    const page = await search({ types: ['ProbeBlocked'], first: 5 });
    for (const { node } of page.edges) {
      const event = stored.find((candidate) => candidate.position === node.position)!;
      expect(node).toMatchObject({
        streamId: event.streamId,
        type: event.type,
        recordedAt: event.recordedAt,
        businessDate: businessDate(event),
        actor: event.metadata.actor,
        data: event.data,
        leafHash: eventLeafHash(event).toString('hex'),
      });
    }
  });

  it('keeps a search to its snapshot while new events arrive between pages', async () => {
    const filter = { actorId: 'head-edu' };
    const expected = positionsWhere((e) => e.metadata.actor.id === 'head-edu');
    const first = await search({ ...filter, first: 10 });
    const { streamId, event } = seeded(count); // head-edu again
    expect(event.metadata.actor.id).toBe('head-edu');
    await sys.system.stores.eventStore.appendToStream(
      streamId,
      [{ ...event, id: crypto.randomUUID() }],
      {
        expectedRevision: 'any',
      },
    );
    const positions = first.edges.map((edge) => edge.node.position);
    let after = first.pageInfo.endCursor;
    while (after) {
      const page = await search({ ...filter, first: 10, after });
      expect(page.totalCount).toBe(first.totalCount);
      positions.push(...page.edges.map((edge) => edge.node.position));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(positions).toEqual(expected);
    // A new search sees the new event.
    expect((await search(filter)).totalCount).toBe(expected.length + 1);
  });

  it('gives the office only its own actions, whatever actor it asks for', async () => {
    const own = positionsWhere((e) => e.metadata.actor.id === 'office-1');
    expect((await everyPage({}, office1)).positions).toEqual(own);
    expect((await everyPage({ actorId: 'office-2' }, office1)).positions).toEqual(own);
    const types = await everyPage({ types: ['ProbeOpened'] }, office1);
    expect(types.nodes.every((node) => node.actor.id === 'office-1')).toBe(true);
  });

  it('lets a leader search everything', async () => {
    const page = await search({ first: 1 }, leader);
    expect(page.totalCount).toBeGreaterThanOrEqual(count);
  });

  it('refuses a department head as FORBIDDEN', async () => {
    const error = await refusal(search({}, heads[0]!));
    expect(error.type).toBe('FORBIDDEN');
  });

  it.each([
    ['first', { first: 201 }],
    ['first', { first: 0 }],
    ['after', { after: 'bm90IGEgY3Vyc29y' }],
    ['recordedFrom', { recordedFrom: 'yesterday' }],
    ['businessTo', { businessTo: '2021-02-30' }],
    ['types[0]', { types: ['no spaces allowed'] }],
  ])('refuses a bad %s as VALIDATION naming it', async (field, params) => {
    const error = await refusal(search(params));
    expect(error.type).toBe('VALIDATION');
    expect(error.data).toMatchObject({ field });
  });

  it('refuses a cursor from a snapshot the index has not reached', async () => {
    const forged = Buffer.from('h:999999:5').toString('base64url');
    const error = await refusal(search({ after: forged }));
    expect(error.data).toMatchObject({ field: 'after' });
  });
});
