import { z } from 'zod';
import { limits } from '../limits.ts';
import { between, date, idempotencyKey, optionalText, wholeBetween } from './fields.ts';

/**
 * Input rules of a ruleset (规则版本). The shape and ranges only: that versions go
 * up, yellow sits below red and escalation goes up a level are the decider's rules.
 */

const points = () => between(0, 100);
const days = () => wholeBetween(0, 60);
const deduction = () => between(-100, 0);

const lights = z.object(
  {
    yellowBehindPoints: points(),
    redBehindPoints: points(),
    yellowDueWithinDays: days(),
  },
  { error: 'must be { yellowBehindPoints, redBehindPoints, yellowDueWithinDays }' },
);

const escalation = z.object(
  { toResponsibleLeaderAfterDays: days(), toMainLeaderAfterDays: days() },
  { error: 'must be { toResponsibleLeaderAfterDays, toMainLeaderAfterDays }' },
);

const scoring = z.object(
  {
    leadUnitFailedTask: deduction(),
    cooperatingUnitFailedTask: deduction(),
    pingPongPerUnit: deduction(),
    accountabilityDeductionCap: deduction()
      .nullish()
      .transform((value) => value ?? null),
  },
  { error: 'must be { leadUnitFailedTask, cooperatingUnitFailedTask, pingPongPerUnit }' },
);

export const publishRulesetInput = z.object({
  version: wholeBetween(1, 1_000_000),
  inForceFrom: date(),
  lights,
  reminderLeadDays: days(),
  escalation,
  scoring,
  note: optionalText(limits.note),
  idempotencyKey,
});

export const rulesetInForceInput = z.object({ date: date() });
