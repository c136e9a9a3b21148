import { illegalState } from '../../../contracts/errors.ts';
import { today } from './calendar.ts';
import { evidenceList } from './evidence.ts';
import { type OnTask, recorded } from './on-task.ts';
import { headOfLeadUnit } from './scope.ts';
import { assertSourceAnswered } from './source-replies.ts';
import type { RegisteredTask } from './state.ts';

/** While a completion report is pending, the milestones it speaks of stay as they are. */
export const assertNoPendingReport = (task: RegisteredTask): void => {
  if (task.completion === 'reported') {
    throw illegalState(
      `task ${task.taskId} has a completion report pending: accept or reject it first`,
      'taskId',
    );
  }
};

/** Done means planned and done: a task without milestones has nothing to report. */
const assertAllMilestonesCompleted = (task: RegisteredTask): void => {
  if (task.milestones.size === 0) {
    throw illegalState(`task ${task.taskId} has no milestones`, 'taskId');
  }
  const open = [...task.milestones].filter(([, milestone]) => !milestone.completed);
  if (open.length > 0) {
    const ids = open.map(([id]) => id).join(', ');
    throw illegalState(`task ${task.taskId} has milestones not completed: ${ids}`, 'taskId');
  }
};

/** 办结报告: the lead unit reports the task done, with evidence, once all milestones are. */
export const reportTaskCompletion: OnTask<'ReportTaskCompletion'> = (data, task, { actor }) => {
  headOfLeadUnit(task, actor);
  assertNoPendingReport(task);
  assertAllMilestonesCompleted(task);
  assertSourceAnswered(task);
  return recorded('TaskCompletionReported', task, {
    summary: data.summary,
    evidence: evidenceList(data.evidence),
  });
};

const assertReportPending = (task: RegisteredTask): void => {
  if (task.completion !== 'reported') {
    throw illegalState(`task ${task.taskId} has no completion report pending`, 'taskId');
  }
};

/** The office accepts the report: the task is closed (办结) today. */
export const acceptTaskCompletion: OnTask<'AcceptTaskCompletion'> = (data, task, context) => {
  assertReportPending(task);
  return recorded('TaskCompletionAccepted', task, {
    comment: data.comment,
    acceptedOn: today(context),
  });
};

/** 退回重办: the office returns the report; the lead unit must report again. */
export const rejectTaskCompletion: OnTask<'RejectTaskCompletion'> = (data, task) => {
  assertReportPending(task);
  return recorded('TaskCompletionRejected', task, { reason: data.reason });
};
