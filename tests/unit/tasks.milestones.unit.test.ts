import type { Evidence, TaskEvent } from '../../contracts/events/task-events.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  headOf,
  milestoneCompleted,
  milestonePlanned,
  plannedTask,
  progressReported,
  taskId,
  taskRegistered,
} from './support/task-fixtures.ts';

/** The department head of the lead unit, who reports unless a test says otherwise. */
const lead = headOf('education-bureau');

const planMilestone = taskCommand('PlanMilestone', {
  taskId,
  milestoneId: 'm1',
  title: 'Land approved',
  dueDate: '2021-06-30',
  weight: 50,
});

const reportProgress = (
  percent: number,
  note: string | null = null,
  milestoneId = 'm1',
  evidence?: Evidence[],
): TaskCommand => ({
  type: 'ReportProgress',
  data: { taskId, milestoneId, percent, note, ...(evidence === undefined ? {} : { evidence }) },
});

const completeMilestone = (milestoneId = 'm1', note: string | null = null): TaskCommand => ({
  type: 'CompleteMilestone',
  data: { taskId, milestoneId, note },
});

/** The progress event a report of the lead unit records: with no note or evidence, unless given. */
type ProgressData = Extract<TaskEvent, { type: 'MilestoneProgressReported' }>['data'];

const progressRecorded = (
  data: Pick<ProgressData, 'percent'> & Partial<ProgressData>,
): TaskEvent => ({
  type: 'MilestoneProgressReported',
  data: {
    taskId,
    milestoneId: 'm1',
    previousPercent: 0,
    note: null,
    reportedByUnitId: 'education-bureau',
    evidence: [],
    ...data,
  },
});

describe('planning a milestone', () => {
  it('records the milestone', () => {
    given(taskDecider, [taskRegistered]).when(planMilestone()).then([milestonePlanned()]);
  });

  it('records the title trimmed', () => {
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ title: ' Land approved  ' }))
      .then([milestonePlanned()]);
  });

  it('refuses a milestone id already planned', () => {
    given(taskDecider, [taskRegistered, milestonePlanned()])
      .when(planMilestone({ title: 'Another' }))
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('takes an id such as "constructor" as any other', () => {
    const planned = milestonePlanned('constructor');
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ milestoneId: 'constructor' }))
      .then([planned]);
  });

  it('needs a title', () => {
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ title: '' }))
      .thenThrows('VALIDATION', 'title');
  });

  it('needs a valid dueDate', () => {
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ dueDate: '2021-13-01' }))
      .thenThrows('VALIDATION', 'dueDate');
  });

  it.each(['2020-12-31', '2022-01-01'])('refuses a dueDate outside the task (%s)', (dueDate) => {
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ dueDate }))
      .thenThrows('VALIDATION', 'dueDate');
  });

  it.each(['2021-01-01', '2021-12-31'])('accepts a dueDate on the task edge (%s)', (dueDate) => {
    const planned = milestonePlanned();
    const expected = { ...planned, data: { ...planned.data, dueDate } };
    given(taskDecider, [taskRegistered]).when(planMilestone({ dueDate })).then([expected]);
  });

  it.each([0, -1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses weight %p', (weight) => {
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ weight }))
      .thenThrows('VALIDATION', 'weight');
  });

  it.each([0.5, 100])('accepts weight %p', (weight) => {
    given(taskDecider, [taskRegistered])
      .when(planMilestone({ weight }))
      .then([milestonePlanned('m1', weight)]);
  });
});

/** The command as the office sends it for a unit (代录), naming the unit's source. */
const withSource = (command: TaskCommand, proxySource: string): TaskCommand =>
  ({ ...command, data: { ...command.data, proxySource } }) as TaskCommand;

describe('reporting progress', () => {
  it('records the percent with the previous one and the reporting unit', () => {
    given(taskDecider, plannedTask)
      .when(reportProgress(30, ' on track '), headOf('education-bureau'))
      .then([
        progressRecorded({ percent: 30, note: 'on track', reportedByUnitId: 'education-bureau' }),
      ]);
  });

  it('records the evidence named by hash and size', () => {
    const evidence = [{ fileName: '开工许可证.pdf', sha256: 'ab'.repeat(32), size: 20480 }];
    given(taskDecider, plannedTask)
      .when(reportProgress(30, null, 'm1', evidence), headOf('education-bureau'))
      .then([progressRecorded({ percent: 30, reportedByUnitId: 'education-bureau', evidence })]);
  });

  it('refuses evidence whose digest is not a SHA-256', () => {
    const evidence = [{ fileName: 'a.pdf', sha256: 'not-a-digest', size: 1 }];
    given(taskDecider, plannedTask)
      .when(reportProgress(30, null, 'm1', evidence), headOf('education-bureau'))
      .thenThrows('VALIDATION', 'evidence[0].sha256');
  });

  it('takes the office’s record of a unit’s report (代录) with the source, for the milestone’s owner', () => {
    const source = '联络员张三 6月30日电话报送';
    given(taskDecider, [...plannedTask, progressReported('m1', 30)])
      .when(withSource(reportProgress(40), ` ${source} `))
      .then([progressRecorded({ percent: 40, previousPercent: 30, proxySource: source })]);
  });

  it('refuses the office’s report without the unit’s source: the office does not report in its own name', () => {
    given(taskDecider, plannedTask)
      .when(reportProgress(40))
      .thenThrows('VALIDATION', 'proxySource');
  });

  it('refuses a source from a unit reporting itself', () => {
    given(taskDecider, plannedTask)
      .when(withSource(reportProgress(40), '自报'), lead)
      .thenThrows('VALIDATION', 'proxySource');
  });

  it('needs a planned milestone', () => {
    given(taskDecider, plannedTask)
      .when(reportProgress(10, null, 'm9'), lead)
      .thenThrows('NOT_FOUND', 'milestoneId');
  });

  it.each([-1, 101, 12.5, Number.NaN])('refuses percent %p', (percent) => {
    const error = given(taskDecider, plannedTask)
      .when(reportProgress(percent), lead)
      .thenThrows('VALIDATION', 'percent');
    expect(error.details.rule).toBe('must be an integer between 0 and 100');
  });

  it.each([0, 100])('accepts percent %p', (percent) => {
    given(taskDecider, plannedTask)
      .when(reportProgress(percent), lead)
      .then([progressRecorded({ percent })]);
  });

  it('may repeat the current percent without a note', () => {
    given(taskDecider, [...plannedTask, progressReported('m1', 30)])
      .when(reportProgress(30), lead)
      .then([progressRecorded({ percent: 30, previousPercent: 30 })]);
  });
});

describe('progress going backwards', () => {
  const history = [...plannedTask, progressReported('m1', 60)];

  it('needs a note as the reason', () => {
    const error = given(taskDecider, history)
      .when(reportProgress(40), lead)
      .thenThrows('VALIDATION', 'note');
    expect(error.details.rule).toBe('required when progress goes backwards');
  });

  it('does not take a blank note as a reason', () => {
    given(taskDecider, history)
      .when(reportProgress(40, '   '), lead)
      .thenThrows('VALIDATION', 'note');
  });

  it('is recorded with the reason', () => {
    given(taskDecider, history)
      .when(reportProgress(40, 'survey found errors'), lead)
      .then([progressRecorded({ percent: 40, previousPercent: 60, note: 'survey found errors' })]);
  });
});

describe('completing a milestone', () => {
  it('records the completion with its note trimmed', () => {
    given(taskDecider, plannedTask)
      .when(completeMilestone('m1', ' done early '), lead)
      .then([
        { type: 'MilestoneCompleted', data: { taskId, milestoneId: 'm1', note: 'done early' } },
      ]);
  });

  it('needs a planned milestone', () => {
    given(taskDecider, plannedTask)
      .when(completeMilestone('m9'), lead)
      .thenThrows('NOT_FOUND', 'milestoneId');
  });
  it('takes the office’s record of it (代录) with the source, for the owning unit', () => {
    given(taskDecider, plannedTask)
      .when(withSource(completeMilestone(), '验收单（6月28日）'))
      .then([
        {
          type: 'MilestoneCompleted',
          data: {
            taskId,
            milestoneId: 'm1',
            note: null,
            proxySource: '验收单（6月28日）',
            completedByUnitId: 'education-bureau',
          },
        },
      ]);
    given(taskDecider, plannedTask)
      .when(completeMilestone())
      .thenThrows('VALIDATION', 'proxySource');
  });
});

describe('a completed milestone', () => {
  const history = [...plannedTask, milestoneCompleted()];

  it('takes no more progress', () => {
    given(taskDecider, history)
      .when(reportProgress(100), lead)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('cannot be completed again', () => {
    given(taskDecider, history)
      .when(completeMilestone(), lead)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });
});
