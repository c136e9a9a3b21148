import type { Actor } from '../../contracts/actor.ts';
import { dayOf } from '../../contracts/dates.ts';
import type { HistoryRead } from '../../contracts/events/audit-events.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { auditReadsStreamId } from '../../services/audit/read-records.ts';
import { refusal } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const office: Actor = { id: 'office', role: 'office' };
const head: Actor = { id: 'head-edu', role: 'department_head', unitId: 'edu' };

interface Page {
  totalCount: number;
  edges: { node: { position: number; type: string; streamId: string; data: unknown } }[];
}

describe('reads of the history by inspectors and leaders (查阅留痕)', () => {
  let sys: TestSystem;

  const search = (filter: Record<string, unknown>, actor: Actor = inspector) =>
    sys.system.broker.call<Page, Record<string, unknown>>('audit.searchHistory', filter, {
      meta: { actor, correlationId: `search-by-${actor.id}` },
    });
  const readRecords = async (): Promise<StoredEvent[]> =>
    (await sys.system.stores.eventStore.readAll({ after: 0, limit: 100_000 })).filter(
      (event) => event.type === 'AuditHistoryRead',
    );
  const lastRecord = async () => (await readRecords()).at(-1);

  beforeAll(async () => {
    sys = await startTestSystem({ AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' });
    for (const id of ['edu', 'env']) {
      await sys.system.broker.call(
        'directory.registerUnit',
        { id, name: id },
        { meta: { actor: office } },
      );
    }
  });
  afterAll(() => sys.stop());

  it('records an inspector’s search before answering it: who, what was asked, how much came back', async () => {
    const page = await search({ types: ['UnitRegistered'], first: 1 });
    const record = await lastRecord();
    expect(record).toMatchObject({
      streamId: auditReadsStreamId(dayOf(record?.recordedAt ?? ''), 'inspector-1'),
      metadata: { actor: inspector, correlationId: 'search-by-inspector-1' },
    });
    expect(record?.data).toEqual<HistoryRead>({
      actorId: 'inspector-1',
      role: 'inspector',
      operation: 'auditHistory',
      query: { types: ['UnitRegistered'], first: 1 },
      resultCount: page.edges.length,
      at: record?.recordedAt ?? '',
      window: { from: expect.any(String), to: expect.any(String) },
      reads: 1,
    });
    const { from, to } = (record?.data as HistoryRead | undefined)?.window ?? { from: '', to: '' };
    expect(Date.parse(to) - Date.parse(from)).toBe(10 * 60_000);
    expect(from <= (record?.recordedAt ?? '') && (record?.recordedAt ?? '') < to).toBe(true);
    expect(page.edges).toHaveLength(1);
  });

  it('records a leader’s search the same way', async () => {
    await search({ actorId: 'office' }, leader);
    expect((await lastRecord())?.data).toMatchObject({
      actorId: 'leader-1',
      role: 'leader',
      query: { actorId: 'office', first: 50 },
      resultCount: 2,
    });
  });

  it('records nothing for the office searching its own actions', async () => {
    const before = await sys.lastPosition();
    await search({}, office);
    expect(await sys.lastPosition()).toBe(before);
  });

  it('records nothing for a search refused as FORBIDDEN or VALIDATION', async () => {
    const before = await sys.lastPosition();
    expect((await refusal(search({}, head))).type).toBe('FORBIDDEN');
    expect((await refusal(search({ first: 0 }))).type).toBe('VALIDATION');
    expect(await sys.lastPosition()).toBe(before);
  });

  it('keeps read records out of a search that does not ask for them', async () => {
    const everything = await search({ first: 200 });
    expect(everything.edges.map((edge) => edge.node.type)).not.toContain('AuditHistoryRead');
    const stored = await sys.system.stores.eventStore.readAll({ after: 0, limit: 100_000 });
    const others = stored.filter((event) => event.type !== 'AuditHistoryRead');
    expect(everything.totalCount).toBe(others.length);
  });

  it('finds them when asked for by type, and never shows a search its own record', async () => {
    const before = (await readRecords()).length;
    const page = await search({ types: ['AuditHistoryRead'], first: 200 });
    expect(page.totalCount).toBe(before);
    expect(page.edges.every((edge) => edge.node.type === 'AuditHistoryRead')).toBe(true);
    // The search for records is itself one more record, and only one.
    expect((await readRecords()).length).toBe(before + 1);
  });

  it('finds them by the stream of a reader’s day', async () => {
    const [record] = await readRecords();
    const page = await search({ streamId: record?.streamId });
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.every((edge) => edge.node.streamId === record?.streamId)).toBe(true);
  });

  it('refuses the search, recording nothing, when the record cannot be stored', async () => {
    const store = sys.system.stores.eventStore;
    const before = await sys.lastPosition();
    const append = jest
      .spyOn(store, 'appendToStream')
      .mockRejectedValueOnce(new Error('disk I/O error'));
    try {
      await expect(search({ types: ['UnitRegistered'] })).rejects.toThrow('disk I/O error');
    } finally {
      append.mockRestore();
    }
    expect(await sys.lastPosition()).toBe(before);
  });

  describe('a task history read through the gateway', () => {
    let taskId: string;
    const taskHistory = async (role: 'inspector' | 'leader' | 'office') =>
      sys.gql<{ taskHistory: { edges: unknown[] } }>(
        'query($id: ID!) { taskHistory(taskId: $id, first: 200) { edges { node { type } } } }',
        { id: taskId },
        await sys.token(role),
      );

    beforeAll(async () => {
      const registered = await sys.gql<{ registerTask: { id: string } }>(
        'mutation { registerTask(input: {title: "新建学校3所", section: "民生实事", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
        {},
        await sys.token('office'),
      );
      taskId = registered.data?.registerTask.id ?? '';
    });

    it.each(['inspector', 'leader'] as const)(
      'is recorded for a %s, naming the task',
      async (role) => {
        const answer = await taskHistory(role);
        expect(answer.data?.taskHistory.edges).toHaveLength(1);
        expect((await lastRecord())?.data).toMatchObject({
          actorId: role,
          role,
          operation: 'taskHistory',
          query: { taskId },
          resultCount: 1,
        });
      },
    );

    it('is not recorded for the office', async () => {
      const before = await sys.lastPosition();
      expect((await taskHistory('office')).data?.taskHistory.edges).toHaveLength(1);
      expect(await sys.lastPosition()).toBe(before);
    });

    it('cannot be recorded through the broker by a role whose reads are not recorded', async () => {
      const error = await refusal(
        sys.system.broker.call(
          'audit.recordTaskHistoryRead',
          { taskId, resultCount: 1 },
          { meta: { actor: office } },
        ),
      );
      expect(error.type).toBe('FORBIDDEN');
    });

    it.each([
      ['taskId', { taskId: 'no spaces allowed', resultCount: 1 }],
      ['resultCount', { taskId: 'task-1', resultCount: -1 }],
    ])('cannot be recorded with a bad %s', async (field, params) => {
      const error = await refusal(
        sys.system.broker.call('audit.recordTaskHistoryRead', params, {
          meta: { actor: inspector },
        }),
      );
      expect(error.type).toBe('VALIDATION');
      expect(error.data).toMatchObject({ field });
    });
  });
});

describe('a gateway whose audit service is away', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem({ SERVICES: 'gateway,tasks,directory,views' });
  });
  afterAll(() => sys.stop());

  it('refuses an inspector’s task-history read rather than answer it unrecorded', async () => {
    const office = await sys.token('office');
    const registered = await sys.gql<{ registerTask: { id: string } }>(
      'mutation { registerTask(input: {title: "t", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
      {},
      office,
    );
    const id = registered.data?.registerTask.id;
    const query =
      'query($id: ID!) { taskHistory(taskId: $id, first: 200) { edges { node { type } } } }';
    const refused = await sys.gql(query, { id }, await sys.token('inspector'));
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    // The office's reads are not recorded, so they do not depend on the audit.
    expect((await sys.gql(query, { id }, office)).data).toEqual({
      taskHistory: { edges: [{ node: { type: 'TaskRegistered' } }] },
    });
  });
});
