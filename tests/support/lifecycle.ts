import type { Actor } from '../../contracts/actor.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import { brokerCalls, office } from './broker-calls.ts';
import type { TestSystem } from './test-system.ts';
import { startTestSystem } from './test-system.ts';

/**
 * The tasks, directory and rules services, started once for a file of lifecycle
 * tests with the directory knowing `units` (`Bureau <id>`); stopped after it.
 * Registers its own `beforeAll`, so a file's later `beforeAll` finds it started.
 */
export const lifecycleSystem = (units: readonly string[], clock: Clock) => {
  let sys: TestSystem;
  const system = () => sys;
  const { call, refused } = brokerCalls(system);

  beforeAll(async () => {
    sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' }, { clock });
    for (const id of units) {
      await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
    }
  });
  afterAll(() => sys.stop());

  /** The types and data of a task's events from `fromRevision` on (after its set-up). */
  const eventsFrom = async (taskId: string, fromRevision: number) =>
    (await sys.system.stores.eventStore.readStream(`task-${taskId}`, { fromRevision })).map(
      ({ type, data }) => ({ type, data }),
    );

  /** A task the office registers for 2021 and assigns to edu, with env cooperating. */
  const assignedTask = async (title: string, assignment: object = {}): Promise<string> => {
    const { id } = await call(
      'tasks.registerTask',
      { title, plannedStart: '2021-01-01', dueDate: '2021-12-31' },
      office,
    );
    const taskId = id as string;
    await call(
      'tasks.assignTask',
      { taskId, leadUnitId: 'edu', cooperatingUnitIds: ['env'], ...assignment },
      office,
    );
    return taskId;
  };

  /** An assigned task with one milestone, `title`, due at the end of June. */
  const plannedTask = async (taskTitle: string, title: string, assignment: object = {}) => {
    const taskId = await assignedTask(taskTitle, assignment);
    const { milestoneId } = await call(
      'tasks.planMilestone',
      { taskId, title, dueDate: '2021-06-30' },
      office,
    );
    return { taskId, milestoneId: milestoneId as string };
  };

  /** Calls `action` twice with the same key: both answers, and how many events were appended. */
  const retried = async (action: string, params: object, actor: Actor) => {
    const before = await sys.lastPosition();
    const first = await call(action, { ...params, idempotencyKey: `${action}-retry` }, actor);
    const retry = await call(action, { ...params, idempotencyKey: `${action}-retry` }, actor);
    return { first, retry, appended: (await sys.lastPosition()) - before };
  };

  return { system, call, refused, eventsFrom, assignedTask, plannedTask, retried };
};
