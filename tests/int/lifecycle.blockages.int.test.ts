import { settableClock } from '../../infra/clock/clock.ts';
import { head, leader, office } from '../support/broker-calls.ts';
import { lifecycleSystem } from '../support/lifecycle.ts';

const { call, refused, eventsFrom, assignedTask } = lifecycleSystem(
  ['edu', 'env', 'land'],
  settableClock('2021-03-01T02:00:00.000Z'),
);

/** The types and data of the task's events after its set-up (registered, assigned, blocked). */
const eventsAfterSetUp = (taskId: string) => eventsFrom(taskId, 3);

/** A task led by edu with a blockage (堵点) it reported, waiting on the land bureau. */
const blockedTask = async () => {
  const taskId = await assignedTask('石佛卫生院建设');
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

  it.each([
    {
      name: 'is refused as VALIDATION naming level outside 1 and 2',
      level: 3,
      actor: leader,
      code: 'VALIDATION',
      field: 'level',
    },
    { name: 'is refused as FORBIDDEN for the office', level: 1, actor: office, code: 'FORBIDDEN' },
  ])('$name', async ({ level, actor, code, field }) => {
    const blockage = await blockedTask();
    await refused('tasks.escalateBlockage', { ...blockage, level }, actor, code, field);
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

  it.each([
    {
      name: 'is refused as NOT_FOUND naming coordinatorUnitId for a unit the directory does not know',
      coordinatorUnitId: 'nowhere',
      actor: leader,
      code: 'NOT_FOUND',
      field: 'coordinatorUnitId',
    },
    {
      name: 'is refused as FORBIDDEN for a department head',
      coordinatorUnitId: 'land',
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
  ])('$name', async ({ coordinatorUnitId, actor, code, field }) => {
    const blockage = await blockedTask();
    await refused(
      'tasks.assignBlockageCoordination',
      { ...blockage, coordinatorUnitId },
      actor,
      code,
      field,
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

  it.each([
    ['is refused as FORBIDDEN for a department head of another unit', head('land')],
    ['is refused as FORBIDDEN for a leader', leader],
  ])('%s', async (_name, actor) => {
    const blockage = await resolved();
    await refused('tasks.reopenBlockage', { ...blockage, reason: '未解决' }, actor, 'FORBIDDEN');
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
