import { z } from 'zod';
import { matterKinds } from '../events/matter-sources.ts';
import { bonusDefaults } from '../events/ruleset-events.ts';
import { between, date, idempotencyKey, optionalText, text, wholeBetween } from '../fields.ts';
import { limits } from '../limits.ts';
import { command, office, query, readers, served } from './declare.ts';

/**
 * Rulesets (规则版本): light thresholds, reminder lead time, escalation and
 * scoring, by version. The shape and ranges only here: that versions go up,
 * yellow sits below red and escalation goes up a level are the decider's rules.
 */

const points = () => between(0, 100);
const days = () => wholeBetween(0, 60);
const deduction = () => between(-100, 0);
/** A bound of bonus points (加分), 0–100; absent: the default, as older clients send none. */
const bonusBound = (fallback: number) =>
  between(0, 100)
    .nullish()
    .transform((value) => value ?? fallback);

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
    bonusPerAwardMax: bonusBound(bonusDefaults.bonusPerAwardMax),
    bonusCapPerPeriod: bonusBound(bonusDefaults.bonusCapPerPeriod),
  },
  { error: 'must be { leadUnitFailedTask, cooperatingUnitFailedTask, pingPongPerUnit }' },
);

const slipColours = ['blue', 'yellow', 'red'] as const;

/** The clock's time limits; absent: the defaults (`timeLimitDefaults`), as older clients send none. */
const timeLimits = z
  .object(
    {
      signingWorkingDays: wholeBetween(1, 60),
      urgeReplyWorkingDays: wholeBetween(1, 60),
      noticeReplyWorkingDays: z.object({
        blue: wholeBetween(1, 60),
        yellow: wholeBetween(1, 60),
        red: wholeBetween(1, 60),
      }),
      escalateUpTo: z.enum([...slipColours, 'none'], {
        error: 'must be one of blue, yellow, red, none',
      }),
      missedReportPoints: deduction(),
      lateReplyPoints: deduction(),
      liaisonReportNeedsApproval: z.boolean({ error: 'must be true or false' }),
    },
    {
      error:
        'must be { signingWorkingDays, urgeReplyWorkingDays, noticeReplyWorkingDays, escalateUpTo, missedReportPoints, lateReplyPoints, liaisonReportNeedsApproval }',
    },
  )
  .optional();
/** Working days, 1–250: a year's worth at most. */
const workingDays = () => wholeBetween(1, 250);

/**
 * The time limits of matters (事项来源): kinds with their working days, each kind
 * once; a kind left out keeps its default. Stored as given (parsed again by the
 * decider, so nothing here is transformed).
 */
const matterLimits = z
  .array(
    z.object(
      {
        kind: z.enum(matterKinds, { error: `must be one of ${matterKinds.join(', ')}` }),
        workingDays: workingDays(),
      },
      { error: 'must be { kind, workingDays }' },
    ),
    { error: 'must be a list of { kind, workingDays }' },
  )
  .max(matterKinds.length, `must list at most ${matterKinds.length} kinds`)
  .refine((limits) => new Set(limits.map((limit) => limit.kind)).size === limits.length, {
    message: 'must name each kind once',
  });

/** The rules of matters; absent: the defaults (`matterDefaults`), stored as absent. */
const matters = z
  .object(
    {
      limits: matterLimits,
      redoWorkingDays: workingDays(),
      dissatisfiedDeduction: deduction(),
    },
    { error: 'must be { limits, redoWorkingDays, dissatisfiedDeduction }' },
  )
  .nullish()
  .transform((value) => value ?? undefined);

export const publishRulesetInput = z.object({
  version: wholeBetween(1, 1_000_000),
  inForceFrom: date(),
  lights,
  reminderLeadDays: days(),
  escalation,
  scoring,
  note: optionalText(limits.note),
  timeLimits,
  matters,
  idempotencyKey,
});

export const rulesetInForceInput = z.object({ date: date() });

const calendarDays = (max: number, what: string) =>
  z.array(date()).max(max, `must list at most ${max} ${what}`);

/** A year's working-day calendar, as the State Council's notice sets it. */
export const publishWorkCalendarInput = z.object({
  year: wholeBetween(2000, 2100),
  holidays: calendarDays(60, 'days off'),
  workdays: calendarDays(20, 'weekend days worked'),
  source: text(limits.note),
  idempotencyKey,
});

export const workCalendarInput = z.object({ year: wholeBetween(2000, 2100) });

export const rulesetCommands = served('rules', {
  publishRuleset: command(office, publishRulesetInput, { echo: 'version' }),
  publishWorkCalendar: command(office, publishWorkCalendarInput, { echo: 'version' }),
});

export const workCalendar = query(readers, 'rules.workCalendar', 'workCalendar');

export const rulesets = query(readers, 'rules.rulesets', 'rulesets');

export const rulesetInForce = query(readers, 'rules.inForce', 'rulesetInForce');
