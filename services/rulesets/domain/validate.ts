import { validationError } from '../../../contracts/errors.ts';
import type {
  EscalationRules,
  LightRules,
  Ruleset,
  ScoringRules,
} from '../../../contracts/events/index.ts';
import { limits } from '../../../contracts/limits.ts';
import { days, deduction, isoDate, numberWithin, optionalText } from './fields.ts';
import type { RulesState } from './state.ts';

const lightRules = (lights: LightRules): LightRules => {
  const yellowBehindPoints = numberWithin(
    'lights.yellowBehindPoints',
    lights.yellowBehindPoints,
    0,
    100,
  );
  const redBehindPoints = numberWithin('lights.redBehindPoints', lights.redBehindPoints, 0, 100);
  // Yellow must sit between green and red, or no task could ever be yellow for falling behind.
  if (redBehindPoints <= yellowBehindPoints) {
    throw validationError('lights.redBehindPoints', 'must be greater than yellowBehindPoints');
  }
  const yellowDueWithinDays = days('lights.yellowDueWithinDays', lights.yellowDueWithinDays);
  return { yellowBehindPoints, redBehindPoints, yellowDueWithinDays };
};

const escalationRules = (escalation: EscalationRules): EscalationRules => {
  const toResponsibleLeaderAfterDays = days(
    'escalation.toResponsibleLeaderAfterDays',
    escalation.toResponsibleLeaderAfterDays,
  );
  const toMainLeaderAfterDays = days(
    'escalation.toMainLeaderAfterDays',
    escalation.toMainLeaderAfterDays,
  );
  // A blockage goes to the responsible leader (分管领导) first, then the main leader (主要领导).
  if (toMainLeaderAfterDays <= toResponsibleLeaderAfterDays) {
    throw validationError(
      'escalation.toMainLeaderAfterDays',
      'must be greater than toResponsibleLeaderAfterDays',
    );
  }
  return { toResponsibleLeaderAfterDays, toMainLeaderAfterDays };
};

const scoringRules = (scoring: ScoringRules): ScoringRules => ({
  leadUnitFailedTask: deduction('scoring.leadUnitFailedTask', scoring.leadUnitFailedTask),
  cooperatingUnitFailedTask: deduction(
    'scoring.cooperatingUnitFailedTask',
    scoring.cooperatingUnitFailedTask,
  ),
  pingPongPerUnit: deduction('scoring.pingPongPerUnit', scoring.pingPongPerUnit),
  accountabilityDeductionCap:
    scoring.accountabilityDeductionCap === null || scoring.accountabilityDeductionCap === undefined
      ? null
      : deduction('scoring.accountabilityDeductionCap', scoring.accountabilityDeductionCap),
});

/** Versions only go up, so "the version in force" is never ambiguous. */
const nextVersion = (version: number, state: RulesState): number => {
  if (!Number.isInteger(version) || version < 1) {
    throw validationError('version', 'must be a whole number of at least 1');
  }
  if (state.latest !== null && version <= state.latest.version) {
    throw validationError(
      'version',
      `must be greater than ${state.latest.version}, the latest published version`,
    );
  }
  return version;
};

/** A version may not take effect before the one it follows: past boards keep their rules. */
const inForceFrom = (value: string, state: RulesState): string => {
  const date = isoDate('inForceFrom', value);
  if (state.latest !== null && date < state.latest.inForceFrom) {
    throw validationError(
      'inForceFrom',
      `must not be before ${state.latest.inForceFrom}, when version ${state.latest.version} took effect`,
    );
  }
  return date;
};

/** The ruleset as it will be stored, or a VALIDATION error naming the first bad field. */
export const validRuleset = (data: Ruleset, state: RulesState): Ruleset => ({
  version: nextVersion(data.version, state),
  inForceFrom: inForceFrom(data.inForceFrom, state),
  lights: lightRules(data.lights),
  reminderLeadDays: days('reminderLeadDays', data.reminderLeadDays),
  escalation: escalationRules(data.escalation),
  scoring: scoringRules(data.scoring),
  note: optionalText('note', data.note, limits.note),
});
