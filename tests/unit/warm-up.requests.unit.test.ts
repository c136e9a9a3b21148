import { type WarmTask, warmRequest } from '../../system/warm-up/requests.ts';

const tasks: WarmTask[] = [
  { id: 'T1', leadUnitId: 'edu', indicatorIds: ['i1', 'i2'] },
  { id: 'T2', leadUnitId: 'health', indicatorIds: [] },
  { id: 'T3', leadUnitId: 'water', indicatorIds: ['i9'] },
];

const kindOf = (query: string) =>
  query.includes('reportIndicatorValue')
    ? 'write'
    : query.includes('task(id')
      ? 'page'
      : query.includes('tasks(')
        ? 'list'
        : 'board';

describe('the warm-up requests', () => {
  it('mix task pages, lists, boards and writes as a working day does', () => {
    const counts = { page: 0, list: 0, board: 0, write: 0 };
    for (let i = 0; i < 200; i++) counts[kindOf(warmRequest(i, tasks, '2021-12-31').query)] += 1;
    expect(counts).toEqual({ page: 50, list: 30, board: 60, write: 60 });
  });

  it("write only to tasks with an indicator, as the head of the task's lead unit, a whole value", () => {
    for (let i = 0; i < 200; i++) {
      const request = warmRequest(i, tasks, '2021-12-31');
      if (kindOf(request.query) !== 'write') continue;
      const { input } = request.variables as {
        input: { taskId: string; indicatorId: string; value: number; asOf: string };
      };
      const task = tasks.find((one) => one.id === input.taskId) as WarmTask;
      expect(task.indicatorIds).toContain(input.indicatorId);
      expect(request.caller).toEqual({ role: 'department_head', unit: task.leadUnitId });
      expect(Number.isInteger(input.value) && input.value >= 1).toBe(true);
      expect(input.asOf).toBe('2021-12-31');
    }
  });

  it('ask for boards instead of writes when no task has an indicator', () => {
    const bare = tasks.map((task) => ({ ...task, indicatorIds: [] }));
    const kinds = Array.from({ length: 40 }, (_, i) => kindOf(warmRequest(i, bare, 'x').query));
    expect(kinds).not.toContain('write');
    expect(kinds.filter((kind) => kind === 'board')).toHaveLength(24);
  });
});
