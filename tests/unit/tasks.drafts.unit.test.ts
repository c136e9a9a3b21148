import type { TaskEvent } from '../../contracts/events/index.ts';
import { timeLimitDefaults } from '../../contracts/events/ruleset-events.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  cooperatingHead,
  leadHead,
  leadLiaison,
  liaisonOf,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

const report = (changes: Partial<{ percent: number; draftId: string }> = {}): TaskCommand => ({
  type: 'ReportProgress',
  data: { taskId, milestoneId: 'm1', percent: 40, note: '选址完成', ...changes },
});

const drafted = (draftId = 'draft-1', percent = 40): TaskEvent => ({
  type: 'ProgressReportDrafted',
  data: {
    taskId,
    draftId,
    milestoneId: 'm1',
    unitId: 'education-bureau',
    percent,
    note: '选址完成',
    evidence: [],
    draftedBy: 'liaison-of-education-bureau',
  },
});

describe('a liaison’s (联络员) progress report', () => {
  it('is a draft for the unit head under the default rules, numbered in the task', () => {
    given(taskDecider, plannedTask).when(report(), leadLiaison).then([drafted()]);
    given(taskDecider, [...plannedTask, drafted()])
      .when(report(), leadLiaison)
      .then([drafted('draft-2')]);
  });

  it('keeps the id its sender names, once', () => {
    given(taskDecider, plannedTask)
      .when(report({ draftId: 'd-7' }), leadLiaison)
      .then([drafted('d-7')]);
    given(taskDecider, [...plannedTask, drafted('d-7')])
      .when(report({ draftId: 'd-7' }), leadLiaison)
      .thenThrows('ILLEGAL_STATE', 'draftId');
  });

  it('is recorded directly where the ruleset asks no approval', () => {
    const ruleset = {
      ...defaultRuleset,
      timeLimits: { ...timeLimitDefaults, liaisonReportNeedsApproval: false },
    };
    const command = report();
    const withRuleset = { ...command, data: { ...command.data, ruleset } } as TaskCommand;
    given(taskDecider, plannedTask)
      .when(withRuleset, leadLiaison)
      .then([
        {
          type: 'MilestoneProgressReported',
          data: {
            taskId,
            milestoneId: 'm1',
            percent: 40,
            previousPercent: 0,
            note: '选址完成',
            reportedByUnitId: 'education-bureau',
            evidence: [],
          },
        },
      ]);
  });

  it('is refused to a liaison of a unit with no part in the task', () => {
    given(taskDecider, plannedTask)
      .when(report(), liaisonOf('land-bureau'))
      .thenThrows('FORBIDDEN');
  });
});

const approve: TaskCommand = {
  type: 'ApproveProgressReport',
  data: { taskId, draftId: 'draft-1' },
};
const sendBack: TaskCommand = {
  type: 'ReturnProgressReport',
  data: { taskId, draftId: 'draft-1', reason: '请补充佐证材料' },
};

describe('the unit head’s approval (审核) of a draft', () => {
  it('reports the draft to the office in the same append', () => {
    given(taskDecider, [...plannedTask, drafted()])
      .when(approve, leadHead)
      .then([
        {
          type: 'ProgressReportApproved',
          data: {
            taskId,
            draftId: 'draft-1',
            milestoneId: 'm1',
            unitId: 'education-bureau',
            draftedBy: 'liaison-of-education-bureau',
            approvedBy: 'head-of-education-bureau',
          },
        },
        {
          type: 'MilestoneProgressReported',
          data: {
            taskId,
            milestoneId: 'm1',
            percent: 40,
            previousPercent: 0,
            note: '选址完成',
            reportedByUnitId: 'education-bureau',
            evidence: [],
          },
        },
      ]);
  });

  it('may send it back with the reason instead', () => {
    given(taskDecider, [...plannedTask, drafted()])
      .when(sendBack, leadHead)
      .then([
        {
          type: 'ProgressReportReturned',
          data: {
            taskId,
            draftId: 'draft-1',
            milestoneId: 'm1',
            unitId: 'education-bureau',
            draftedBy: 'liaison-of-education-bureau',
            reason: '请补充佐证材料',
            returnedBy: 'head-of-education-bureau',
          },
        },
      ]);
  });

  it('decides a draft once, of its own unit only, and never the liaison’s own', () => {
    const approved: TaskEvent[] = taskDecider.decide(
      approve,
      [...plannedTask, drafted()].reduce(taskDecider.evolve, taskDecider.initialState()),
      leadHead,
    );
    given(taskDecider, [...plannedTask, drafted(), ...approved])
      .when(sendBack, leadHead)
      .thenThrows('ILLEGAL_STATE', 'draftId');
    given(taskDecider, [...plannedTask, drafted()])
      .when(approve, cooperatingHead)
      .thenThrows('FORBIDDEN');
    given(taskDecider, [...plannedTask, drafted()])
      .when(approve, leadLiaison)
      .thenThrows('FORBIDDEN');
    given(taskDecider, plannedTask).when(approve, leadHead).thenThrows('NOT_FOUND', 'draftId');
  });
});
