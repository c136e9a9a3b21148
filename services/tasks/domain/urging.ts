import { illegalState, validationError } from '../../../contracts/errors.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import { today } from './calendar.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { isResponsibleUnit } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/** The lead unit, which is urged unless the office names a unit: it answers for the task. */
const leadUnitOf = (task: RegisteredTask): string => {
  if (task.leadUnitId === null) {
    throw illegalState(`task ${task.taskId} has no lead unit to urge: assign it first`, 'taskId');
  }
  return task.leadUnitId;
};

/** A named unit is known to the directory and has a part in the task. */
const urgedUnit = (data: CommandData<'UrgeTask'>, task: RegisteredTask): string => {
  const lead = leadUnitOf(task);
  if (data.unitId === null) return lead;
  knownUnit('unitId', data.unitId, data.knownUnitIds);
  if (!isResponsibleUnit(task, data.unitId)) {
    throw validationError('unitId', 'must be the lead or a cooperating unit of the task');
  }
  return data.unitId;
};

/** A reply day already past could never be met. */
const replyBy = (value: string | null, day: string): string | null => {
  if (value !== null && value < day) {
    throw validationError('replyBy', `must not be earlier than today, ${day}`);
  }
  return value;
};

/**
 * The office urges (催办) the lead unit, or a cooperating unit it names, with a
 * message and perhaps a day to reply by. It carries its business day (China
 * Standard Time) as the clock's facts do, so views count it by day without
 * converting the time it was recorded at.
 */
export const urgeTask: OnTask<'UrgeTask'> = (data, task, context) => {
  const day = today(context);
  return recorded('TaskUrged', task, {
    urgeId: data.urgeId,
    unitId: urgedUnit(data, task),
    message: data.message,
    replyBy: replyBy(data.replyBy, day),
    urgedOn: day,
  });
};
