import { bonusKinds } from '../../events/task-events.ts';
import { between, id, oneOf, reason } from '../../fields.ts';
import { inputLimits } from '../../limits.ts';
import { command, onTask, partOf, served } from '../declare.ts';

/** Bonus points (加分) a leader awards a responsible unit of a task. */

export const awardBonusInput = onTask({
  unitId: id(),
  kind: oneOf(bonusKinds),
  // The shape only: more than 0 and at most the ruleset's bonusPerAwardMax is the decider's rule.
  points: between(0, inputLimits.bonusPoints),
  reason: reason(),
});

export const bonusCommands = served('tasks', {
  awardBonus: command({ leader: 'all' }, awardBonusInput, {
    newId: partOf('bonus', 'bonusId'),
    lookups: { unitCategories: (data) => [data.unitId], calendars: true, ruleset: true },
  }),
});
