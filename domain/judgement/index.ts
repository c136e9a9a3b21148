/**
 * The judgement every board and the clock apply to the facts: lights,
 * expected progress (序时进度), deadlines, stages, forecasts, attainment, scores.
 */
export type { Attainment } from './attainment.ts';
export { attainment } from './attainment.ts';
export { lateShares, missedPoints, warningShare } from './deadline-deductions.ts';
export type { EscalationLevel } from './deadlines.ts';
export {
  dueSoonFrom,
  escalationDays,
  escalationLevel,
  isDueSoon,
  isOverdue,
  overdueFrom,
} from './deadlines.ts';
export type { PlannedStep } from './expected-progress.ts';
export { expectedProgress, plannedProgress } from './expected-progress.ts';
export type { ProgressPoint } from './forecast.ts';
export { forecastYearEnd } from './forecast.ts';
export type { Light, LightFacts, LightVerdict } from './light.ts';
export { light } from './light.ts';
export type { MilestoneStage, MilestoneState, StagedMilestone } from './milestone-stage.ts';
export { milestoneStage, milestoneStates } from './milestone-stage.ts';
export { roundPoints } from './points.ts';
export type { Ranked } from './rank.ts';
export { rank } from './rank.ts';
export type { SubTaskStanding } from './roll-up.ts';
export { rolledUpLight, rolledUpProgress } from './roll-up.ts';
export type {
  AccountabilityDeduction,
  Bonus,
  Deduction,
  DeductionRule,
  Dissatisfaction,
  Lapse,
  MissedDeadline,
  PingPong,
  RedTask,
  ReturnedForRework,
  ScoreItem,
  ScoreRule,
  ScoringFacts,
  TaskRole,
  UnitScore,
  Wait,
} from './scoring-facts.ts';
export type { LitMilestone, LitTask, TaskLight } from './task-light.ts';
export { isTaskDone, taskLight, worse } from './task-light.ts';
export type { Trend } from './trend.ts';
export { reportTrend, trend } from './trend.ts';
export {
  type OtherScoringFacts,
  otherScoreItems,
  startingScore,
  type TaskDeductions,
  taskDeductions,
  type UnitScoring,
  unitItemsOfTasks,
  unitScoreOf,
  unitScores,
  unitScoresOfItems,
  unitScoresOfTasks,
  unitsOfTask,
} from './unit-scores.ts';
