import type { ScoringRules } from '../../contracts/events/index.ts';
import { pointsText, roundPoints } from './points.ts';
import type {
  Deduction,
  MissedDeadline,
  RedTask,
  ReturnedForRework,
  TaskRole,
} from './scoring-facts.ts';

/**
 * The share of a missed deadline's points a deadline done late costs, by how
 * many working days late it was: a day or three late is not a deadline never
 * met (DESIGN §4 defaults, after the graded 扣分 of published 督查 rules).
 */
export const lateShares: readonly { upTo: number; share: number }[] = [
  { upTo: 3, share: 0.2 },
  { upTo: 10, share: 0.4 },
  { upTo: 20, share: 0.6 },
  { upTo: Number.POSITIVE_INFINITY, share: 0.8 },
];

/** The share of a missed deadline's points a red task not yet due, or a return for rework, costs. */
export const warningShare = 0.4;

/** What missing a deadline outright costs a unit in `role` (≤ 0). */
export const missedPoints = (role: TaskRole, scoring: ScoringRules): number =>
  role === 'lead' ? scoring.leadUnitFailedTask : scoring.cooperatingUnitFailedTask;

const lateShare = (workingDaysLate: number): number =>
  (lateShares.find((grade) => workingDaysLate <= grade.upTo) ?? { share: 1 }).share;

const daysText = (days: number): string => `${days} working ${days === 1 ? 'day' : 'days'}`;

const refOf = (missed: MissedDeadline): string =>
  missed.milestoneId === null ? missed.taskId : `${missed.taskId}/${missed.milestoneId}`;

/**
 * A missed deadline's points, split: each unit waited on takes the share of
 * the delay its open blockage covered (a wait never covers more than the whole
 * delay), the unit that answers for the deadline the rest.
 */
const missedDeadlineDeductions = (missed: MissedDeadline, scoring: ScoringRules): Deduction[] => {
  const full = missedPoints(missed.role, scoring);
  const points = missed.done ? roundPoints(full * lateShare(missed.workingDaysLate)) : full;
  const how = missed.done
    ? `done ${daysText(missed.workingDaysLate)} late`
    : `not done, ${daysText(missed.workingDaysLate)} overdue`;
  const waited = missed.waits.reduce((sum, wait) => sum + wait.workingDays, 0);
  const over = Math.max(waited, missed.workingDaysLate);
  const shares = missed.waits.map((wait) => ({
    wait,
    points: roundPoints((points * wait.workingDays) / over),
  }));
  const own = roundPoints(points - shares.reduce((sum, share) => sum + share.points, 0));
  const rule = missed.done ? ('deadline_late' as const) : ('deadline_missed' as const);
  return [
    ...(own < 0
      ? [
          {
            unitId: missed.unitId,
            rule,
            points: own,
            ref: refOf(missed),
            reason: `${missed.what}: ${how}${
              shares.length > 0 ? ` (${pointsText(0 - own)} of ${pointsText(0 - points)})` : ''
            }`,
          },
        ]
      : []),
    ...shares
      .filter((share) => share.points < 0)
      .map(({ wait, points: taken }) => ({
        unitId: wait.unitId,
        rule: 'waited_on' as const,
        points: taken,
        ref: refOf(missed),
        reason: `${missed.what}: ${how}, waiting on this unit for ${daysText(wait.workingDays)} of it`,
      })),
  ];
};

/**
 * Each missed deadline's deductions as last taken, with the scoring they were
 * taken under: the boards score again after every write, mostly the same
 * deadlines (the same objects while their task is unchanged).
 */
const taken = new WeakMap<MissedDeadline, { scoring: ScoringRules; items: Deduction[] }>();

/** Every missed deadline's deductions, in the order given. */
export const deadlineDeductions = (
  missed: readonly MissedDeadline[],
  scoring: ScoringRules,
): Deduction[] =>
  missed.flatMap((one) => {
    const known = taken.get(one);
    if (known?.scoring === scoring) return known.items;
    const items = missedDeadlineDeductions(one, scoring);
    taken.set(one, { scoring, items });
    return items;
  });

/** A red task not yet due weighs on its lead unit's standing of the day. */
export const redTaskDeductions = (red: readonly RedTask[], scoring: ScoringRules): Deduction[] =>
  red.map((task) => ({
    unitId: task.leadUnitId,
    rule: 'red_behind' as const,
    points: roundPoints(scoring.leadUnitFailedTask * warningShare),
    ref: task.taskId,
    reason: `red, not yet due: ${pointsText(task.behind)} behind expected progress`,
  }));

/** A completion report returned for rework costs the lead unit. */
export const reworkDeductions = (
  returned: readonly ReturnedForRework[],
  scoring: ScoringRules,
): Deduction[] =>
  returned.map((entry) => ({
    unitId: entry.leadUnitId,
    rule: 'returned_for_rework' as const,
    points: roundPoints(scoring.leadUnitFailedTask * warningShare),
    ref: entry.taskId,
    reason: `completion report returned for rework on ${entry.day}`,
  }));
