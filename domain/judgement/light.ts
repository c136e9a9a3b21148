import { validationError } from '../../contracts/errors.ts';
import type { Ruleset } from '../../contracts/events/index.ts';
import { addDays, daysBetween } from '../dates.ts';
import { pointsText, roundPoints } from './points.ts';

/** A task's or milestone's light (红黄绿灯). */
export type Light = 'green' | 'yellow' | 'red';

/** What a light is computed from, all as of the end of `day`. */
export interface LightFacts {
  /** Percent done, 0–100. */
  actual: number;
  /** Expected progress (序时进度), 0–100: see `expectedProgress`. */
  expected: number;
  dueDate: string;
  day: string;
  done: boolean;
}

/** The light with the findings that make it that colour (empty for green). */
export interface LightVerdict {
  light: Light;
  reasons: string[];
}

/** `value` when it is a percent, 0–100; else VALIDATION naming `field`. */
export const checkedPercent = (field: string, value: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw validationError(field, 'must be a number between 0 and 100');
  }
  return value;
};

const dueText = (daysLeft: number): string =>
  daysLeft === 0 ? 'due today' : `due in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;

/** Red: overdue (the day after the due date, not done), or more than `redBehindPoints` behind. */
const redReasons = (
  behind: number,
  daysLeft: number,
  facts: LightFacts,
  ruleset: Pick<Ruleset, 'lights'>,
) => [
  ...(daysLeft < 0 ? [`overdue since ${addDays(facts.dueDate, 1)}`] : []),
  ...(behind > ruleset.lights.redBehindPoints ? [`behind ${pointsText(behind)}`] : []),
];

/**
 * Yellow: more than `yellowBehindPoints` behind ("yellow at 10–30 points behind",
 * Yinchuan practice: green while actual ≥ expected − 10, so exactly 10 behind is
 * still green), or due within `yellowDueWithinDays` days, the due date itself
 * included ("due within 3 days and not done").
 */
const yellowReasons = (behind: number, daysLeft: number, ruleset: Pick<Ruleset, 'lights'>) => [
  ...(behind > ruleset.lights.yellowBehindPoints ? [`behind ${pointsText(behind)}`] : []),
  ...(daysLeft >= 0 && daysLeft <= ruleset.lights.yellowDueWithinDays ? [dueText(daysLeft)] : []),
];

/**
 * The light of a task or milestone on `day` under `ruleset` (DESIGN §4). A done
 * one is green: lateness is counted in the on-time rate, not held against it
 * forever. Behind = expected − actual, compared to 2 decimals: with the default
 * rules 10 behind is green, 10.01 yellow, 30 yellow, 30.01 red.
 */
export const light = (facts: LightFacts, ruleset: Pick<Ruleset, 'lights'>): LightVerdict => {
  const actual = checkedPercent('actual', facts.actual);
  const expected = checkedPercent('expected', facts.expected);
  const daysLeft = daysBetween(facts.day, facts.dueDate, { from: 'day', to: 'dueDate' });
  if (facts.done) return { light: 'green', reasons: [] };
  const behind = roundPoints(expected - actual);
  const red = redReasons(behind, daysLeft, facts, ruleset);
  if (red.length > 0) return { light: 'red', reasons: red };
  const yellow = yellowReasons(behind, daysLeft, ruleset);
  if (yellow.length > 0) return { light: 'yellow', reasons: yellow };
  return { light: 'green', reasons: [] };
};
