/** The pure rules every board uses: lights, expected progress, deadlines, scores. */
export { addDays, dayNumber, daysBetween } from './days.ts';
export type { EscalationLevel } from './deadlines.ts';
export {
  dueSoonFrom,
  escalationDays,
  escalationLevel,
  isDueSoon,
  isOverdue,
  overdueFrom,
} from './deadlines.ts';
export { expectedProgress } from './expected-progress.ts';
export type { ProgressPoint } from './forecast.ts';
export { forecastYearEnd } from './forecast.ts';
export type { Light, LightFacts, LightVerdict } from './light.ts';
export { light } from './light.ts';
export { roundPoints } from './points.ts';
export type { Ranked } from './rank.ts';
export { rank } from './rank.ts';
export type {
  AccountabilityDeduction,
  Deduction,
  DeductionRule,
  FailedTask,
  PingPong,
  ScoringFacts,
  UnitScore,
} from './scoring-facts.ts';
export type { Trend } from './trend.ts';
export { trend } from './trend.ts';
export { startingScore, unitScores } from './unit-scores.ts';
