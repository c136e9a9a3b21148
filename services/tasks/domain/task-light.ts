import { validationError } from '../../../contracts/errors.ts';
import { taskLightColours } from '../../../contracts/events/task-events.ts';
import { checkedPercent } from '../../../domain/judgement/light.ts';
import { today } from './calendar.ts';
import { type OnTask, recorded } from './on-task.ts';

const checked = (data: Parameters<OnTask<'RecordTaskLight'>>[0]) => {
  if (!taskLightColours.includes(data.light)) {
    throw validationError('light', `one of ${taskLightColours.join(', ')}`);
  }
  if (!Array.isArray(data.reasons) || data.reasons.some((reason) => typeof reason !== 'string')) {
    throw validationError('reasons', 'a list of texts');
  }
  if (!Number.isInteger(data.rulesetVersion) || data.rulesetVersion < 0) {
    throw validationError('rulesetVersion', 'an integer ≥ 0');
  }
  return {
    actual: checkedPercent('actual', data.actual),
    expected: checkedPercent('expected', data.expected),
  };
};

/**
 * The clock's light of the task today (红黄绿灯), recorded only where it differs
 * from the light last recorded (green before any), so the log holds each change
 * once and never a day the light stays the same. A suspended task's clock
 * stands still: nothing is recorded until it is resumed. `from` is the
 * aggregate's own last light, whatever the clock's agenda believed.
 */
export const recordTaskLight: OnTask<'RecordTaskLight'> = (data, task, context) => {
  const { actual, expected } = checked(data);
  if (task.suspended || task.light === data.light) return [];
  return recorded('TaskLightChanged', task, {
    day: today(context),
    from: task.light,
    to: data.light,
    reasons: [...data.reasons],
    actual,
    expected,
    rulesetVersion: data.rulesetVersion,
  });
};
