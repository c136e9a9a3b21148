import type { Actor } from '../../../contracts/actor.ts';
import { forbidden, illegalState, notFound, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type {
  EscalationSource,
  NoticeAddressee,
  NoticeLevel,
} from '../../../contracts/events/task-events.ts';
import { today } from './calendar.ts';
import type { Escalation } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { actingUnitId } from './scope.ts';
import type { RegisteredTask, UrgeState } from './state.ts';
import { clockStands } from './time-limits.ts';

/** The colour an unanswered slip escalates to (三明: 蓝 → 橙/黄 → 红); red is the top. */
export const nextLevel = { blue: 'yellow', yellow: 'red', red: null } as const satisfies Record<
  NoticeLevel,
  NoticeLevel | null
>;

/**
 * Whom a slip of each colour is addressed to: blue to the unit's head, yellow
 * to the task's responsible leader (分管领导), red to the main leader (主要领导).
 */
export const addresseeOf = (
  level: NoticeLevel,
  task: RegisteredTask,
  unitId: string,
): NoticeAddressee => {
  switch (level) {
    case 'blue':
      return { role: 'unit_head', unitId };
    case 'yellow':
      return { role: 'responsible_leader', official: task.responsibleLeader };
    case 'red':
      return { role: 'main_leader' };
    default: {
      const _exhaustive: never = level;
      throw new Error(`unknown notice level ${String(_exhaustive)}`);
    }
  }
};

/** The urge of this task addressed to the actor's unit; another unit learns nothing of it. */
const urgeToActor = (task: RegisteredTask, urgeId: string, actor: Actor): UrgeState => {
  const unitId = actingUnitId(actor);
  const urge = task.urges.get(urgeId);
  if (urge?.unitId === unitId) return urge;
  if (urge === undefined) throw notFound('urgeId', `催办 ${urgeId} of task ${task.taskId}`);
  throw forbidden(`催办 ${urgeId} of task ${task.taskId} is not addressed to unit ${unitId}`);
};

/** The urged unit answers a 催办, once: the answer stops the clock's escalation. */
export const answerUrge: OnTask<'AnswerUrge'> = (data, task, context) => {
  const urge = urgeToActor(task, data.urgeId, context.actor);
  if (urge.answeredOn !== null) {
    throw illegalState(`催办 ${data.urgeId} is already answered`, 'urgeId');
  }
  return recorded('TaskUrgeAnswered', task, {
    urgeId: data.urgeId,
    unitId: urge.unitId,
    answer: data.answer,
    answeredOn: today(context),
  });
};

/** Not answered by the limit: unanswered still, or answered after it (late). */
const unansweredBy = (answeredOn: string | null | undefined, limitDate: string): boolean =>
  answeredOn === null || answeredOn === undefined || answeredOn > limitDate;

/** The next colour's slip, when the clock asks for one and it is the colour that follows. */
const escalated = (
  task: RegisteredTask,
  escalation: Escalation | null,
  expected: NoticeLevel | null,
  unitId: string,
  source: EscalationSource,
  day: string,
): TaskEvent[] => {
  if (escalation === null || expected === null) return [];
  if (escalation.level !== expected) {
    throw validationError('escalation.level', `must be ${expected}, the colour that follows`);
  }
  if (task.notices.has(escalation.noticeId)) {
    throw illegalState(`supervision notice ${escalation.noticeId} already exists`, 'noticeId');
  }
  if (escalation.replyDueDate < day) {
    throw validationError('escalation.replyDueDate', `must not be earlier than today, ${day}`);
  }
  return recorded('SupervisionNoticeIssued', task, {
    noticeId: escalation.noticeId,
    level: escalation.level,
    toUnitId: unitId,
    subject: escalation.subject,
    body: escalation.body,
    replyDueDate: escalation.replyDueDate,
    addressee: addresseeOf(escalation.level, task, unitId),
    escalatedFrom: source,
  });
};

/**
 * A 催办 with a reply-by not answered by its limit: recorded overdue the first
 * working day after the limit, once, and escalated to a blue slip (三明: a 催办
 * comes with a blue slip) in the same append when the clock asks for one.
 */
export const recordUrgeReplyOverdue: OnTask<'RecordUrgeReplyOverdue'> = (data, task, context) => {
  const day = today(context);
  const urge = task.urges.get(data.urgeId);
  if (urge === undefined) throw notFound('urgeId', `催办 ${data.urgeId} of task ${task.taskId}`);
  if (clockStands(task) || urge.replyBy === null || urge.overdue) return [];
  if (data.limitDate < urge.replyBy) {
    throw validationError('limitDate', `must not be before the reply-by, ${urge.replyBy}`);
  }
  if (day <= data.limitDate || !unansweredBy(urge.answeredOn, data.limitDate)) return [];
  const source = { kind: 'urge', urgeId: data.urgeId } as const;
  return [
    ...recorded('UrgeReplyOverdue', task, {
      urgeId: data.urgeId,
      unitId: urge.unitId,
      replyBy: urge.replyBy,
      limitDate: data.limitDate,
      recordedOn: day,
    }),
    ...escalated(task, data.escalation, 'blue', urge.unitId, source, day),
  ];
};

/**
 * A 督办单 not answered by its limit: recorded overdue the first working day
 * after it, once, and escalated to the next colour (blue → yellow → red) in the
 * same append when the clock asks for one; a red slip escalates no further.
 */
export const recordNoticeReplyOverdue: OnTask<'RecordNoticeReplyOverdue'> = (
  data,
  task,
  context,
) => {
  const day = today(context);
  const notice = task.notices.get(data.noticeId);
  if (notice === undefined) {
    throw notFound('noticeId', `supervision notice ${data.noticeId} of task ${task.taskId}`);
  }
  const { level, replyDueDate } = notice;
  if (clockStands(task) || notice.overdue || level === undefined || replyDueDate === undefined) {
    return [];
  }
  if (data.limitDate < replyDueDate) {
    throw validationError('limitDate', `must not be before the reply due date, ${replyDueDate}`);
  }
  if (day <= data.limitDate || !unansweredBy(notice.answeredOn, data.limitDate)) return [];
  // An answer recorded before answers kept their day: answered, never late.
  if (notice.answered && notice.answeredOn === null) return [];
  const source = { kind: 'notice', noticeId: data.noticeId } as const;
  return [
    ...recorded('SupervisionNoticeReplyOverdue', task, {
      noticeId: data.noticeId,
      unitId: notice.toUnitId,
      level,
      replyDueDate,
      limitDate: data.limitDate,
      recordedOn: day,
    }),
    ...escalated(task, data.escalation, nextLevel[level], notice.toUnitId, source, day),
  ];
};
