import type { DomainEvent } from '../contracts/events/index.ts';
import type { TaskEventOf, TaskEventType } from '../contracts/events/task-events.ts';
import { taskEventTypes } from '../contracts/events/task-events.ts';

/**
 * The views that act on some task events and pass over the others. The task
 * page acts on every one, in its own exhaustive switch; the task list passes
 * over none either, but only restamps its row (`updatedAt`) for those not named.
 */
export type TaskReader =
  | 'taskList'
  | 'clockAgenda'
  | 'boardTasks'
  | 'boardMilestones'
  | 'boardBlockages'
  | 'boardIndicators';

/**
 * Which views act on each task event: one row per event type, so a new one fails
 * the typecheck here until its row decides for every view at once, and then in
 * the exhaustive switch of each view it names. A view left out of a row leaves
 * its document as it is. Kept here, not as a list of ignored events in each
 * view, so that the decision is taken once, with every view in sight.
 */
const readersOf = {
  TaskRegistered: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskAssigned: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskSigned: ['taskList', 'clockAgenda'],
  TaskTransferred: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskReturned: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskReturnRequested: ['taskList'],
  TaskReturnAccepted: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskReturnRefused: ['taskList'],
  TaskLifecycleChangeProposed: ['taskList'],
  TaskLifecycleChangeDecided: ['taskList'],
  MilestonePlanned: ['taskList', 'clockAgenda', 'boardTasks', 'boardMilestones'],
  MilestoneProgressReported: ['taskList', 'clockAgenda', 'boardTasks', 'boardMilestones'],
  MilestoneCompleted: ['taskList', 'clockAgenda', 'boardTasks', 'boardMilestones'],
  MilestoneReopened: ['taskList', 'clockAgenda', 'boardTasks', 'boardMilestones'],
  MilestoneDueSoonReminded: ['clockAgenda', 'boardMilestones'],
  MilestoneOverdue: ['taskList', 'clockAgenda', 'boardMilestones'],
  // A milestone's request is its board document's, the task's own the task's (milestoneId null).
  DeadlineExtensionRequested: ['boardTasks', 'boardMilestones'],
  DeadlineExtensionReviewed: ['boardTasks', 'boardMilestones'],
  DeadlineExtensionApproved: ['taskList', 'clockAgenda', 'boardTasks', 'boardMilestones'],
  DeadlineExtensionRejected: ['boardTasks', 'boardMilestones'],
  BlockageReported: ['taskList', 'clockAgenda', 'boardBlockages'],
  BlockageResolved: ['taskList', 'clockAgenda', 'boardBlockages'],
  BlockageReopened: ['taskList', 'clockAgenda', 'boardBlockages'],
  BlockageEscalated: ['clockAgenda', 'boardBlockages'],
  BlockageCoordinationAssigned: ['boardBlockages'],
  IndicatorDefined: ['boardIndicators'],
  IndicatorValueReported: ['boardIndicators'],
  TaskCompletionReported: ['taskList', 'boardTasks'],
  TaskCompletionAccepted: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskCompletionRejected: ['taskList', 'boardTasks'],
  TaskSuspended: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskResumed: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskTerminated: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskUrged: ['clockAgenda', 'boardTasks'],
  AccountabilityRecorded: ['boardTasks'],
  BonusAwarded: ['boardTasks'],
  // Shown on the task page only.
  SupervisionNoticeIssued: ['clockAgenda'],
  SupervisionNoticeAnswered: ['clockAgenda'],
  LeadershipInstructionIssued: [],
  BlockagePartDeclaredDone: [],
  MilestoneOwnerAssigned: ['boardMilestones'],
  MilestoneDueDateShifted: ['taskList', 'clockAgenda', 'boardMilestones'],
  TaskDueDateShifted: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskSigningReminded: ['clockAgenda'],
  // Lapses of a time limit count in the unit's score (boardTasks) and stop the clock asking again.
  ProgressReportMissed: ['clockAgenda', 'boardTasks'],
  TaskUrgeAnswered: ['clockAgenda'],
  UrgeReplyOverdue: ['clockAgenda', 'boardTasks'],
  SupervisionNoticeReplyOverdue: ['clockAgenda', 'boardTasks'],
  // Drafts wait for the unit head: shown on the task page and the head's workbench only.
  ProgressReportDrafted: [],
  ProgressReportApproved: [],
  ProgressReportReturned: [],
  // A reply is the task page's; a rating counts in scores; 重新办理 reopens the task.
  SourceReplied: [],
  ProposerEvaluationRecorded: ['boardTasks'],
  TaskReopenedForRedo: ['taskList', 'clockAgenda', 'boardTasks'],
  TaskSplit: ['taskList', 'boardTasks'],
  // The clock's own record of the light it last judged: what it compares the next day's with.
  TaskLightChanged: ['clockAgenda'],
} as const satisfies Record<TaskEventType, readonly TaskReader[]>;

type Readers = typeof readersOf;

/** The task event types `view` acts on. */
type TypeReadBy<V extends TaskReader> = {
  [T in TaskEventType]: V extends Readers[T][number] ? T : never;
}[TaskEventType];

/** The task events `view` acts on: the union its exhaustive switch covers. */
export type TaskEventReadBy<V extends TaskReader> = TaskEventOf<TypeReadBy<V>>;

const isReader = (view: TaskReader, type: TaskEventType): boolean =>
  (readersOf[type] as readonly TaskReader[]).includes(view);

/** The task event types `view` acts on, in the order of `taskEventTypes`: its `handles`. */
export const eventsReadBy = <V extends TaskReader>(view: V): readonly TypeReadBy<V>[] =>
  taskEventTypes.filter((type): type is TypeReadBy<V> => isReader(view, type));

/** Narrows an event to those `view` acts on; any other, of any aggregate, is passed over. */
export const isReadBy = <V extends TaskReader>(view: V) => {
  const types: ReadonlySet<string> = new Set(eventsReadBy(view));
  return (event: DomainEvent): event is TaskEventReadBy<V> => types.has(event.type);
};
