import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, office } from '../support/broker-calls.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/*
 * Several task pages in one read (`tasksById`): what a screen listing tasks
 * with their details asks once, instead of once per task.
 */

const clock = settableClock('2021-03-01T02:00:00.000Z');
let sys: TestSystem;
const { call, refused } = brokerCalls(() => sys);

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules,views,projector' }, { clock });
  await call('directory.registerUnit', { id: 'edu', name: '教育局' }, office);
});
afterAll(() => sys.stop());

const registered = async (title: string): Promise<string> => {
  const { id } = await call(
    'tasks.registerTask',
    { title, plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  await call('tasks.assignTask', { taskId: id, leadUnitId: 'edu', cooperatingUnitIds: [] }, office);
  return id as string;
};

describe('task pages by id', () => {
  it('answer each page as task(id) does, in the order asked, null for an unknown id', async () => {
    const [a, b] = [await registered('新建学校'), await registered('城市书房')];
    await sys.settled();
    const pages = await call<unknown[]>(
      'views.tasksById',
      { ids: [b, 'no-such-task', a, b] },
      head('edu'),
    );
    const one = (id: string) => call('views.task', { id }, head('edu'));
    expect(pages).toEqual([await one(b), null, await one(a), await one(b)]);
    expect(pages[0]).toMatchObject({ title: '城市书房', leadUnit: { id: 'edu', name: '教育局' } });
  });

  it('refuse none, or more than 50, naming the field and the rule', async () => {
    await refused('views.tasksById', { ids: [] }, office, 'VALIDATION', 'ids');
    const many = Array.from({ length: 51 }, (_, i) => `task-${i}`);
    const error = await call('views.tasksById', { ids: many }, office).catch((e) => e);
    expect(error).toMatchObject({ type: 'VALIDATION', data: { field: 'ids' } });
    expect(error.message).toContain('must name at most 50 tasks');
  });
});
