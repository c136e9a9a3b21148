import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, office } from '../support/broker-calls.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** 10:00 in Beijing on 1 March 2021. */
const clock = settableClock('2021-03-01T02:00:00.000Z');

let sys: TestSystem;
const { call, refused } = brokerCalls(() => sys);

type Page = {
  progress: number;
  rolledUpProgress: number;
  parentTask: { id: string; title: string } | null;
  subTasks: {
    taskId: string;
    unit: { id: string; name: string | null };
    progress: number;
    weight: number;
  }[];
};
type ProgressRow = { taskId: string; light: string | null; actual: number; reasons: string[] };

/** A street (街道) with two communities (社区) below it, and a bureau elsewhere. */
beforeAll(async () => {
  sys = await startTestSystem(
    { SERVICES: 'tasks,directory,rules,views,boards,projector' },
    { clock },
  );
  await call(
    'directory.registerUnit',
    { id: 'street', name: '东风街道', category: 'area' },
    office,
  );
  for (const id of ['c1', 'c2']) {
    await call(
      'directory.registerUnit',
      { id, name: `社区 ${id}`, parentUnitId: 'street' },
      office,
    );
  }
  await call('directory.registerUnit', { id: 'bureau', name: '教育局' }, office);
});
afterAll(() => sys.stop());

/** The street's task: its own part one milestone, due at the end of the year. */
const streetTask = async (): Promise<string> => {
  const { id } = await call(
    'tasks.registerTask',
    {
      title: '老旧小区改造',
      section: '城市更新',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    },
    office,
  );
  const taskId = id as string;
  await call('tasks.assignTask', { taskId, leadUnitId: 'street' }, office);
  await call('tasks.planMilestone', { taskId, title: '街道统筹', dueDate: '2021-12-31' }, office);
  return taskId;
};

const split = (taskId: string) =>
  call<{ splitId: string; revision: number }>(
    'tasks.splitTask',
    {
      taskId,
      subTasks: [
        { unitId: 'c1', title: '一社区改造', dueDate: '2021-06-30', weight: 1 },
        { unitId: 'c2', title: '二社区改造', dueDate: '2021-03-31', weight: 1 },
      ],
      idempotencyKey: `split-${taskId}`,
    },
    head('street'),
  );

const report = (taskId: string, percent: number, unitId: string) =>
  call('tasks.reportProgress', { taskId, milestoneId: `${taskId}.m1`, percent }, head(unitId));

describe('a task split to two communities (分解交办)', () => {
  let taskId: string;
  let sub1: string;
  let sub2: string;

  beforeAll(async () => {
    taskId = await streetTask();
    const { splitId } = await split(taskId);
    sub1 = `${splitId}.1`;
    sub2 = `${splitId}.2`;
  });

  it('retried with the same key records nothing more and creates no sub-task twice', async () => {
    const before = await sys.lastPosition();
    const again = await split(taskId);
    expect(`${again.splitId}.1`).toBe(sub1);
    expect(await sys.lastPosition()).toBe(before);
  });

  it('is refused to a unit outside the street, and the split only within the subtree', async () => {
    await refused(
      'tasks.splitTask',
      { taskId, subTasks: [{ unitId: 'bureau', title: '越级', dueDate: '2021-06-30' }] },
      head('street'),
      'VALIDATION',
      'subTasks[0].unitId',
    );
    await refused(
      'tasks.splitTask',
      { taskId, subTasks: [{ unitId: 'c1', title: '越权', dueDate: '2021-06-30' }] },
      head('c1'),
      'FORBIDDEN',
    );
  });

  it('gives each community a task of its own, which it signs and reports on', async () => {
    await call('tasks.signTask', { taskId: sub1 }, head('c1'));
    await report(sub1, 100, 'c1');
    await call('tasks.signTask', { taskId: sub2 }, head('c2'));
    await report(sub2, 20, 'c2');
    await sys.settled();
    const child = await call<Page & { leadUnitId: string }>('views.task', { id: sub1 }, office);
    expect(child).toMatchObject({ leadUnitId: 'c1', progress: 100 });
    expect(child.parentTask).toEqual({ id: taskId, title: '老旧小区改造' });
  });

  it('lets the street’s head act on a community’s task; a stranger is refused', async () => {
    const answer = await report(sub2, 60, 'street');
    expect(answer).toMatchObject({ revision: expect.any(Number) });
    const [stored] = await sys.system.stores.eventStore.readStream(`task-${sub2}`, {
      direction: 'backwards',
      limit: 1,
    });
    expect(stored?.data).toMatchObject({ percent: 60, reportedByUnitId: 'c2' });
    expect(stored?.metadata.actor.id).toBe('head-street');
    await refused(
      'tasks.reportProgress',
      { taskId: sub2, milestoneId: `${sub2}.m1`, percent: 70 },
      head('bureau'),
      'FORBIDDEN',
    );
  });

  it('rolls the communities’ progress up into the street’s task', async () => {
    await sys.settled();
    const page = await call<Page>('views.task', { id: taskId }, office);
    expect(page.progress).toBe(0);
    // Own 0, 一社区 100, 二社区 60, each of weight 1.
    expect(page.rolledUpProgress).toBe(53.3);
    expect(page.subTasks.map((s) => [s.taskId, s.unit.name, s.progress])).toEqual([
      [sub1, '社区 c1', 100],
      [sub2, '社区 c2', 60],
    ]);
  });

  it('lights the street’s task red once a community’s task is red', async () => {
    // 二社区 was due at the end of March and stands at 60%.
    clock.set('2021-04-20T02:00:00.000Z');
    await sys.settled();
    const board = await call<{ nodes: ProgressRow[] }>(
      'boards.progressBoard',
      { unitSubtree: 'street', first: 200 },
      office,
    );
    const rows = new Map(board.nodes.map((row) => [row.taskId, row]));
    expect(rows.get(sub2)?.light).toBe('red');
    expect(rows.get(taskId)).toMatchObject({ light: 'red', actual: 53.3 });
    expect(rows.get(taskId)?.reasons).toContain('sub-task "二社区改造" is red');
  });

  it('filters the task list and the boards by a unit’s subtree', async () => {
    const ids = async (unitSubtree: string) =>
      (
        await call<{ edges: { node: { id: string } }[] }>(
          'views.tasks',
          { unitSubtree, first: 200 },
          office,
        )
      ).edges.map((edge) => edge.node.id);
    expect((await ids('street')).sort()).toEqual([taskId, sub1, sub2].sort());
    expect(await ids('c1')).toEqual([sub1]);
    const progress = await call<{ nodes: ProgressRow[] }>(
      'boards.progressBoard',
      { unitSubtree: 'c2' },
      office,
    );
    expect(progress.nodes.map((row) => row.taskId)).toEqual([sub2]);
    const units = await call<{
      nodes: { unitId: string; score: number; subUnits?: number; subUnitDeductions?: number }[];
    }>('boards.responsibilityBoard', { unitSubtree: 'street', first: 200 }, office);
    expect(units.nodes.map((row) => row.unitId).sort()).toEqual(['c1', 'c2', 'street']);
    // 二社区 missed its end-of-March deadline: the street's row shows what its 社区 lost.
    const row = (unitId: string) => units.nodes.find((node) => node.unitId === unitId);
    expect(row('c2')?.score).toBeLessThan(100);
    expect(row('street')).toMatchObject({
      subUnits: 2,
      subUnitDeductions: (row('c2')?.score ?? 0) - 100,
    });
    expect(row('c1')?.subUnits).toBeUndefined();
  });

  it('lists units with their parent, children and path', async () => {
    const units = await call<
      {
        id: string;
        parent: { id: string } | null;
        children: { id: string }[];
        path: { id: string }[];
      }[]
    >('views.units', {}, office);
    const street = units.find((unit) => unit.id === 'street');
    const c1 = units.find((unit) => unit.id === 'c1');
    expect(street?.children.map((unit) => unit.id).sort()).toEqual(['c1', 'c2']);
    expect(c1).toMatchObject({ parent: { id: 'street' }, path: [{ id: 'street' }, { id: 'c1' }] });
  });
});
