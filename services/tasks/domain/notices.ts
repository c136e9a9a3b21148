import type { Actor } from '../../../contracts/actor.ts';
import { forbidden, illegalState, validationError } from '../../../contracts/errors.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import { today } from './calendar.ts';
import { evidenceList } from './evidence.ts';
import { existingNotice } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import { actingUnitId, isInScope, isResponsibleUnit } from './scope.ts';
import type { NoticeState, RegisteredTask } from './state.ts';

const replyDueDate = (date: string, context: DecisionContext): string => {
  const day = today(context);
  if (date < day) throw validationError('replyDueDate', `must not be earlier than today, ${day}`);
  return date;
};

/**
 * The office issues a supervision notice (督办单) to the lead or a cooperating
 * unit: blue 提示, yellow 督办 or red 专报, with the day the answer is due.
 */
export const issueSupervisionNotice: OnTask<'IssueSupervisionNotice'> = (data, task, context) => {
  const noticeId = unusedId('noticeId', data.noticeId, task.notices, 'supervision notice');
  if (!isResponsibleUnit(task, data.toUnitId)) {
    throw validationError('toUnitId', 'must be the lead or a cooperating unit of the task');
  }
  return recorded('SupervisionNoticeIssued', task, {
    noticeId,
    level: data.level,
    toUnitId: data.toUnitId,
    subject: data.subject,
    body: data.body,
    replyDueDate: replyDueDate(data.replyDueDate, context),
  });
};

/**
 * The notice of this task addressed to the actor's unit. A unit that is not
 * responsible for the task and was sent no such notice learns nothing of it.
 */
const noticeToActor = (task: RegisteredTask, noticeId: string, actor: Actor): NoticeState => {
  const unitId = actingUnitId(actor);
  const notice = task.notices.get(noticeId);
  if (notice?.toUnitId === unitId) return notice;
  if (notice === undefined && isInScope(task, actor)) return existingNotice(task, noticeId);
  throw forbidden(
    `supervision notice ${noticeId} of task ${task.taskId} is not addressed to unit ${unitId}`,
  );
};

/** The addressed unit answers, once, even if it no longer leads or co-owns the task. */
export const answerSupervisionNotice: OnTask<'AnswerSupervisionNotice'> = (data, task, context) => {
  const notice = noticeToActor(task, data.noticeId, context.actor);
  if (notice.answered) {
    throw illegalState(`supervision notice ${data.noticeId} is already answered`, 'noticeId');
  }
  return recorded('SupervisionNoticeAnswered', task, {
    noticeId: data.noticeId,
    answer: data.answer,
    evidence: evidenceList(data.evidence),
    answeredOn: today(context),
  });
};
