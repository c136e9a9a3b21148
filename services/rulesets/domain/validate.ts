import { validationError } from '../../../contracts/errors.ts';
import type { EscalationRules, LightRules, Ruleset } from '../../../contracts/events/index.ts';
import type { RulesState } from './state.ts';

/** Yellow must sit between green and red, or no task could ever be yellow for falling behind. */
const assertYellowBelowRed = (lights: LightRules): void => {
  if (lights.redBehindPoints <= lights.yellowBehindPoints) {
    throw validationError('lights.redBehindPoints', 'must be greater than yellowBehindPoints');
  }
};

/** A blockage goes to the responsible leader (分管领导) first, then the main leader (主要领导). */
const assertEscalationGoesUp = (escalation: EscalationRules): void => {
  if (escalation.toMainLeaderAfterDays <= escalation.toResponsibleLeaderAfterDays) {
    throw validationError(
      'escalation.toMainLeaderAfterDays',
      'must be greater than toResponsibleLeaderAfterDays',
    );
  }
};

/** Versions only go up, so "the version in force" is never ambiguous. */
const assertNextVersion = (version: number, state: RulesState): void => {
  if (state.latest !== null && version <= state.latest.version) {
    throw validationError(
      'version',
      `must be greater than ${state.latest.version}, the latest published version`,
    );
  }
};

/** A version may not take effect before the one it follows: past boards keep their rules. */
const assertInForceInOrder = (inForceFrom: string, state: RulesState): void => {
  if (state.latest !== null && inForceFrom < state.latest.inForceFrom) {
    throw validationError(
      'inForceFrom',
      `must not be before ${state.latest.inForceFrom}, when version ${state.latest.version} took effect`,
    );
  }
};

/**
 * The ruleset as it will be stored, or a VALIDATION error naming the first
 * broken rule. Its fields are checked by the declaration's schema before.
 */
export const validRuleset = (data: Ruleset, state: RulesState): Ruleset => {
  const { version, inForceFrom, lights, reminderLeadDays, escalation, scoring, note } = data;
  // Named only when published: an older version keeps reading the defaults.
  const timeLimits = data.timeLimits === undefined ? {} : { timeLimits: data.timeLimits };
  assertNextVersion(version, state);
  assertInForceInOrder(inForceFrom, state);
  assertYellowBelowRed(lights);
  assertEscalationGoesUp(escalation);
  // A version without rules of matters is stored as versions before them were: absent.
  const matters = data.matters ? { matters: data.matters } : {};
  return {
    version,
    inForceFrom,
    lights,
    reminderLeadDays,
    escalation,
    scoring,
    note,
    ...timeLimits,
    ...matters,
  };
};
