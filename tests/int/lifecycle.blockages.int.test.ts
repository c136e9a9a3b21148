import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, leader, office } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

let sys: TestSystem;

beforeAll(async () => {
  sys = await startTestSystem(
    { SERVICES: 'tasks,directory,rules' },
    { clock: settableClock('2021-03-01T02:00:00.000Z') },
  );
  for (const id of ['edu', 'env', 'land']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
});
afterAll(() => sys.stop());

const { call, refused } = brokerCalls(() => sys);

/** The types and data of the task's events after its set-up (registered, assigned, blocked). */
const eventsAfterSetUp = async (taskId: string) =>
  (await sys.system.stores.eventStore.readStream(`task-${taskId}`, { fromRevision: 3 })).map(
    ({ type, data }) => ({ type, data }),
  );

/** A task led by edu with a blockage (堵点) it reported, waiting on the land bureau. */
const blockedTask = async () => {
  const { id } = await call(
    'tasks.registerTask',
    { title: '石佛卫生院建设', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  const taskId = id as string;
  await call(
    'tasks.assignTask',
    { taskId, leadUnitId: 'edu', cooperatingUnitIds: ['env'] },
    office,
  );
  const { blockageId } = await call(
    'tasks.reportBlockage',
    { taskId, description: '用地手续待批', waitingOnUnitId: 'land' },
    head('edu'),
  );
  return { taskId, blockageId: blockageId as string };
};

describe('escalating a blockage', () => {
  it('is recorded as the leader’s escalation to the level asked', async () => {
    const blockage = await blockedTask();

    await call('tasks.escalateBlockage', { ...blockage, level: 2 }, leader);

    expect(await eventsAfterSetUp(blockage.taskId)).toEqual([
      { type: 'BlockageEscalated', data: { ...blockage, level: 2, by: 'leader' } },
    ]);
  });

  it('is refused as ILLEGAL_STATE at a level already reached', async () => {
    const blockage = await blockedTask();
    await call('tasks.escalateBlockage', { ...blockage, level: 1 }, leader);
    await refused(
      'tasks.escalateBlockage',
      { ...blockage, level: 1 },
      leader,
      'ILLEGAL_STATE',
      'blockageId',
    );
  });

  it('is refused as VALIDATION naming level outside 1 and 2', async () => {
    const blockage = await blockedTask();
    await refused(
      'tasks.escalateBlockage',
      { ...blockage, level: 3 },
      leader,
      'VALIDATION',
      'level',
    );
  });

  it('is refused as FORBIDDEN for the office', async () => {
    const blockage = await blockedTask();
    await refused('tasks.escalateBlockage', { ...blockage, level: 1 }, office, 'FORBIDDEN');
  });
});

describe('assigning a blockage’s coordination', () => {
  it('names the coordinating unit, with the leader’s note', async () => {
    const blockage = await blockedTask();

    await call(
      'tasks.assignBlockageCoordination',
      { ...blockage, coordinatorUnitId: 'land', note: '牵头会商' },
      leader,
    );

    expect(await eventsAfterSetUp(blockage.taskId)).toEqual([
      {
        type: 'BlockageCoordinationAssigned',
        data: { ...blockage, coordinatorUnitId: 'land', note: '牵头会商' },
      },
    ]);
  });

  it('is refused as NOT_FOUND naming coordinatorUnitId for a unit the directory does not know', async () => {
    const blockage = await blockedTask();
    await refused(
      'tasks.assignBlockageCoordination',
      { ...blockage, coordinatorUnitId: 'nowhere' },
      leader,
      'NOT_FOUND',
      'coordinatorUnitId',
    );
  });

  it('is refused as FORBIDDEN for a department head', async () => {
    const blockage = await blockedTask();
    await refused(
      'tasks.assignBlockageCoordination',
      { ...blockage, coordinatorUnitId: 'land' },
      head('edu'),
      'FORBIDDEN',
    );
  });
});

describe('reopening a resolved blockage', () => {
  const resolved = async () => {
    const blockage = await blockedTask();
    await call('tasks.resolveBlockage', { ...blockage, resolution: '已批复' }, head('edu'));
    return blockage;
  };

  it('is recorded with the reason, from the unit that reported it', async () => {
    const blockage = await resolved();

    await call('tasks.reopenBlockage', { ...blockage, reason: '批复被撤回' }, head('edu'));

    expect((await eventsAfterSetUp(blockage.taskId)).at(-1)).toEqual({
      type: 'BlockageReopened',
      data: { ...blockage, reason: '批复被撤回' },
    });
  });

  it('is refused as FORBIDDEN for a department head of another unit', async () => {
    const blockage = await resolved();
    await refused(
      'tasks.reopenBlockage',
      { ...blockage, reason: '未解决' },
      head('land'),
      'FORBIDDEN',
    );
  });

  it('is refused as FORBIDDEN for a leader', async () => {
    const blockage = await resolved();
    await refused('tasks.reopenBlockage', { ...blockage, reason: '未解决' }, leader, 'FORBIDDEN');
  });

  it('is refused as ILLEGAL_STATE while the blockage is open', async () => {
    const blockage = await blockedTask();
    await refused(
      'tasks.reopenBlockage',
      { ...blockage, reason: '未解决' },
      office,
      'ILLEGAL_STATE',
      'blockageId',
    );
  });

  it('is refused as VALIDATION naming reason when there is none', async () => {
    const blockage = await resolved();
    await refused('tasks.reopenBlockage', blockage, office, 'VALIDATION', 'reason');
  });
});
