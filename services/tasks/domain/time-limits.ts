import { validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { UrgeCause } from '../../../contracts/events/task-events.ts';
import { today } from './calendar.ts';
import { type OnTask, recorded } from './on-task.ts';
import { isResponsibleUnit } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/**
 * The clock's time limits stand still while the task is suspended and end when
 * it is closed (办结); a terminated task is refused before (admission).
 */
export const clockStands = (task: RegisteredTask): boolean =>
  task.suspended || task.completion === 'accepted';

/** A day the clock names must not be after the day it records on. */
const notAfter = (field: string, value: string, day: string): string => {
  if (value > day) throw validationError(field, `must not be after today, ${day}`);
  return value;
};

/** Still bound to sign: responsible for the task and not signed for its current assignment. */
const unsigned = (task: RegisteredTask, unitId: string): boolean =>
  isResponsibleUnit(task, unitId) && !task.signedUnitIds.has(unitId);

/**
 * 签收时限: the first working day after the limit (counted by the clock in
 * working days from the assignment), a responsible unit that has not signed is
 * reminded, once per unit and assignment. Otherwise nothing is recorded.
 */
export const remindSigning: OnTask<'RemindSigning'> = (data, task, context) => {
  const day = today(context);
  if (clockStands(task) || !unsigned(task, data.unitId) || day <= data.limitDate) return [];
  if (task.signingReminders.has(`${data.unitId}|${data.assignedOn}`)) return [];
  return recorded('TaskSigningReminded', task, {
    unitId: data.unitId,
    assignedOn: notAfter('assignedOn', data.assignedOn, day),
    limitDate: data.limitDate,
    remindedOn: day,
  });
};

/** A 催办 the clock records, as `system`, with the day to reply by. */
const clockUrge = (
  task: RegisteredTask,
  urge: { urgeId: string; unitId: string; replyBy: string; cause: UrgeCause },
  day: string,
  message: string,
): TaskEvent[] => {
  if (urge.replyBy < day)
    throw validationError('replyBy', `must not be earlier than today, ${day}`);
  return recorded('TaskUrged', task, {
    urgeId: urge.urgeId,
    unitId: urge.unitId,
    message,
    replyBy: urge.replyBy,
    urgedOn: day,
    cause: urge.cause,
  });
};

/** After the reminder, a unit still unsigned is urged (催办) by the clock, once. */
export const urgeSigning: OnTask<'UrgeSigning'> = (data, task, context) => {
  const day = today(context);
  if (clockStands(task) || !unsigned(task, data.unitId) || task.urges.has(data.urgeId)) return [];
  if (!task.signingReminders.has(`${data.unitId}|${data.assignedOn}`)) return [];
  const urge = { ...data, cause: 'signing' as const };
  return clockUrge(task, urge, day, '任务交办后逾期未签收，请即签收并反馈。');
};

/**
 * 未按期报送: a closed period of the task's reporting cycle (Monday to Sunday,
 * a month, a quarter) in which the clock saw no report of the lead unit, once
 * per unit and period; the clock urges the unit in the same append. Recorded
 * only for the cycle the task has now, for a period already over.
 */
export const recordProgressReportMissed: OnTask<'RecordProgressReportMissed'> = (
  data,
  task,
  context,
) => {
  const day = today(context);
  const unitId = task.leadUnitId;
  if (clockStands(task) || unitId === null || data.cycle !== task.reportingCycle) return [];
  if (data.periodEnd >= day || task.missedReports.has(`${unitId}|${data.periodEnd}`)) return [];
  if (data.periodStart > data.periodEnd) {
    throw validationError('periodStart', 'must not be after periodEnd');
  }
  const missed = recorded('ProgressReportMissed', task, {
    unitId,
    cycle: data.cycle,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    recordedOn: day,
  });
  if (data.urge === null || task.urges.has(data.urge.urgeId)) return missed;
  const urge = { ...data.urge, unitId, cause: 'missed_report' as const };
  const message = `${data.periodStart}至${data.periodEnd}未按期报送进展，请即报送。`;
  return [...missed, ...clockUrge(task, urge, day, message)];
};
