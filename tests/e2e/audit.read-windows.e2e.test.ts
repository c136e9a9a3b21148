import { settableClock } from '../../infra/clock/clock.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * Reads recorded once per reader, thing read and 10-minute window; a request
 * bounded in how many recorded reads it makes; the rate limit counting
 * operations (aliases, batches), not requests.
 */

const clock = settableClock('2021-06-01T02:03:00.000Z');
let sys: TestSystem;
let inspector: string;
let taskId: string;

const readRecords = async () =>
  (await sys.system.stores.eventStore.readAll({ after: 0, limit: 100_000 })).filter(
    (event) => event.type === 'AuditHistoryRead',
  );

const history = (alias = 'h') =>
  `${alias}: taskHistory(taskId: $t, first: 5) { pageInfo { hasNextPage } }`;

beforeAll(async () => {
  sys = await startTestSystem(
    { RATE_LIMIT_PER_MINUTE: '40', AUDIT_READ_TALLY_SECONDS: '1' },
    { clock },
  );
  const office = await sys.token('office');
  const task = await sys.gql<{ registerTask: { id: string } }>(
    'mutation { registerTask(input: {title: "新建学校", section: "教育", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
    {},
    office,
  );
  taskId = task.data?.registerTask.id ?? '';
  inspector = await sys.token('inspector');
});
afterAll(() => sys.stop());

describe('an inspector reading one task’s history again and again', () => {
  it('is recorded once per 10-minute window, with the window', async () => {
    const before = (await readRecords()).length;
    for (let i = 0; i < 3; i++) {
      const answer = await sys.gql(`query($t: ID!) { ${history()} }`, { t: taskId }, inspector);
      expect(answer.errors).toBeUndefined();
      clock.advance(60_000);
    }
    const records = (await readRecords()).slice(before);
    expect(records.map((record) => record.data)).toEqual([
      expect.objectContaining({
        operation: 'taskHistory',
        query: { taskId },
        window: { from: '2021-06-01T02:00:00.000Z', to: '2021-06-01T02:10:00.000Z' },
        reads: 1,
      }),
    ]);
  });

  it('gets a second record of that window, with the count, once the window is over', async () => {
    clock.set('2021-06-01T02:10:00.000Z');
    let tally: unknown;
    for (let tries = 0; tries < 100 && !tally; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      tally = (await readRecords()).find(
        (record) => (record.data as { reads?: number }).reads === 3,
      );
    }
    expect(tally).toMatchObject({
      data: {
        operation: 'taskHistory',
        query: { taskId },
        window: { from: '2021-06-01T02:00:00.000Z', to: '2021-06-01T02:10:00.000Z' },
        reads: 3,
      },
      metadata: { actor: { role: 'inspector' } },
    });
  });

  it('is recorded again in the next window', async () => {
    clock.set('2021-06-01T02:10:00.000Z');
    const before = (await readRecords()).length;
    await sys.gql(`query($t: ID!) { ${history()} }`, { t: taskId }, inspector);
    const records = (await readRecords()).slice(before);
    expect(records.map((record) => (record.data as { window: unknown }).window)).toEqual([
      { from: '2021-06-01T02:10:00.000Z', to: '2021-06-01T02:20:00.000Z' },
    ]);
  });
});

describe('one request of many aliased recorded reads', () => {
  it('is refused past 10 recorded reads, and adds at most one record per thing read', async () => {
    clock.set('2021-06-01T03:00:00.000Z');
    const before = (await readRecords()).length;
    const aliases = Array.from({ length: 11 }, (_, i) => history(`h${i}`)).join(' ');
    const answer = await sys.gql(`query($t: ID!) { ${aliases} }`, { t: taskId }, inspector);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'query' });
    expect(answer.errors?.[0]?.message).toContain('at most 10 recorded reads');
    expect((await readRecords()).length - before).toBeLessThanOrEqual(1);
  });
});

describe('the rate limit', () => {
  it('counts each aliased root field, not the request', async () => {
    const leader = await sys.token('leader');
    const twenty = Array.from({ length: 20 }, (_, i) => `u${i}: units { id }`).join(' ');
    const first = await sys.gql(`{ ${twenty} }`, {}, leader);
    expect(first.errors).toBeUndefined();
    const second = await sys.gql(`{ ${twenty} }`, {}, leader);
    expect(second.errors).toBeUndefined();
    const third = await sys.gql(`{ ${twenty} }`, {}, leader);
    expect(third.status).toBe(429);
    expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
