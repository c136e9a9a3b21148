import { settableClock } from '../../infra/clock/clock.ts';
import { head, office } from '../support/broker-calls.ts';
import { lifecycleSystem } from '../support/lifecycle.ts';

const clock = settableClock('2021-03-01T02:00:00.000Z');
const { call, refused, eventsFrom, plannedTask } = lifecycleSystem(['edu', 'env'], clock);

/** The types and data of the task's events after its set-up (registered, assigned, planned). */
const eventsAfterSetUp = (taskId: string) => eventsFrom(taskId, 3);

const source = '联络员王五 3月1日电话报送，附现场照片';

describe('the office recording a unit’s report (代录)', () => {
  it('is recorded for the lead unit, with the source it names', async () => {
    const task = await plannedTask('新建学校3所', '完成选址');
    await call('tasks.reportProgress', { ...task, percent: 30, proxySource: source }, office);
    await call('tasks.completeMilestone', { ...task, proxySource: source }, office);

    expect(await eventsAfterSetUp(task.taskId)).toEqual([
      {
        type: 'MilestoneProgressReported',
        data: {
          ...task,
          percent: 30,
          previousPercent: 0,
          note: null,
          reportedByUnitId: 'edu',
          evidence: [],
          proxySource: source,
        },
      },
      {
        type: 'MilestoneCompleted',
        data: { ...task, note: null, proxySource: source, completedByUnitId: 'edu' },
      },
    ]);
  });

  it('is refused without the source, naming proxySource, and nothing is stored', async () => {
    const task = await plannedTask('新建学校3所', '完成选址');
    await refused(
      'tasks.reportProgress',
      { ...task, percent: 30 },
      office,
      'VALIDATION',
      'proxySource',
    );
    await refused('tasks.completeMilestone', task, office, 'VALIDATION', 'proxySource');
    expect(await eventsAfterSetUp(task.taskId)).toEqual([]);
  });

  it('is the office’s alone: a unit reporting itself names no source', async () => {
    const task = await plannedTask('新建学校3所', '完成选址');
    await refused(
      'tasks.reportProgress',
      { ...task, percent: 30, proxySource: source },
      head('edu'),
      'VALIDATION',
      'proxySource',
    );
    await call('tasks.reportProgress', { ...task, percent: 30 }, head('edu'));
    const [report] = await eventsAfterSetUp(task.taskId);
    expect(report?.data).toMatchObject({ reportedByUnitId: 'edu' });
    expect(report?.data).not.toHaveProperty('proxySource');
  });
});
