import { illegalState, validationError } from '../../../contracts/errors.ts';
import { defaultUnitCategory, isRanked } from '../../../contracts/events/index.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import { limitOf } from '../../../domain/calendar/work-calendar.ts';
import { defaultRuleset } from '../../../domain/rulesets/default-ruleset.ts';
import { today } from './calendar.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import type { RegisteredTask } from './state.ts';

type Award = CommandData<'AwardBonus'>;

/** Bonus points go to a unit that answers for the task: its lead or a cooperating unit. */
const responsibleUnit = (data: Award, task: RegisteredTask): string => {
  const { unitId } = data;
  if (unitId !== task.leadUnitId && !task.cooperatingUnitIds.includes(unitId)) {
    throw validationError('unitId', 'must be the lead or a cooperating unit of the task');
  }
  return unitId;
};

/**
 * The supervising and discipline bodies (督查·纪检机关) are scored but not
 * ranked: 加分 weighs in the ranking (督查考核排名), so it is refused for them rather
 * than recorded to no effect.
 */
const rankedUnit = (data: Award): void => {
  const category = data.unitCategories?.[data.unitId] ?? defaultUnitCategory;
  if (!isRanked(category)) {
    throw validationError(
      'unitId',
      'must not be a supervising or discipline body: they are not ranked, so bonus points do not apply',
    );
  }
};

/** More than 0, at most what one award may add under the ruleset in force today. */
const awardedPoints = (data: Award): number => {
  const ruleset = data.ruleset ?? defaultRuleset;
  const max = ruleset.scoring.bonusPerAwardMax;
  if (!(data.points > 0 && data.points <= max)) {
    throw validationError(
      'points',
      `must be more than 0 and at most ${max}, the bonusPerAwardMax of ruleset version ${ruleset.version}`,
    );
  }
  return data.points;
};

/**
 * 提前完成: only for a task whose completion was accepted (办结) before its due
 * date's limit (the due date, or the first working day after it), once per unit.
 */
const assertCompletedEarly = (data: Award, task: RegisteredTask): void => {
  const limit = limitOf(calendarsInForce(data.calendars ?? []), task.dueDate);
  if (task.completion !== 'accepted' || task.acceptedOn === null) {
    throw illegalState(
      `early_completion needs the completion of task ${task.taskId} accepted (办结) before its limit ${limit}: it is not accepted`,
      'kind',
    );
  }
  if (task.acceptedOn >= limit) {
    throw illegalState(
      `early_completion needs the completion of task ${task.taskId} accepted (办结) before its limit ${limit}: it was accepted on ${task.acceptedOn}`,
      'kind',
    );
  }
  if (task.earlyCompletionUnitIds.has(data.unitId)) {
    throw illegalState(
      `unit ${data.unitId} already has its early_completion bonus for task ${task.taskId}`,
      'unitId',
    );
  }
};

/**
 * 加分: a leader awards a responsible unit of the task bonus points — a
 * commendation (表扬), or an early completion (提前完成) of a task accepted
 * before its limit — within the ruleset's bound per award. The cap per period
 * is the scoring's: an award is recorded as given.
 */
export const awardBonus: OnTask<'AwardBonus'> = (data, task, context) => {
  const bonusId = unusedId('bonusId', data.bonusId, task.bonusIds, 'bonus');
  const unitId = responsibleUnit(data, task);
  rankedUnit(data);
  const points = awardedPoints(data);
  if (data.kind === 'early_completion') assertCompletedEarly(data, task);
  return recorded('BonusAwarded', task, {
    bonusId,
    unitId,
    kind: data.kind,
    points,
    reason: data.reason,
    awardedBy: context.actor.id,
    awardedOn: today(context),
  });
};
