import type { TaskEventOf, TaskEventType } from '../../../contracts/events/task-events.ts';
import { withMember } from './collections.ts';
import type { RegisteredTask } from './state.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/** The source is answered: the answer is the one the proposer rates next. */
export const sourceReplied = (
  task: RegisteredTask,
  data: Data<'SourceReplied'>,
): RegisteredTask => ({
  ...task,
  awaitingReply: false,
  replyIds: withMember(task.replyIds, data.replyId),
  lastReplyId: data.replyId,
  lastReplyUnitId: data.repliedByUnitId,
  lastReplyRated: false,
});

/** The last reply is rated: the next rating waits for the next reply. */
export const evaluationRecorded = (
  task: RegisteredTask,
  data: Data<'ProposerEvaluationRecorded'>,
): RegisteredTask => ({
  ...task,
  evaluationIds: withMember(task.evaluationIds, data.evaluationId),
  lastReplyRated: true,
});

/**
 * 重新办理: open again with the new due date; its completion (reported or
 * accepted) is undone, and the source is to be answered again.
 */
export const reopenedForRedo = (
  task: RegisteredTask,
  data: Data<'TaskReopenedForRedo'>,
): RegisteredTask => ({
  ...task,
  dueDate: data.dueDate,
  completion: 'none',
  acceptedOn: null,
  awaitingReply: true,
});
