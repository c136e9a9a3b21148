import { illegalState } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { LifecycleChange } from '../../../contracts/events/task-events.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import { today } from './calendar.ts';
import { type OnTask, recorded } from './on-task.ts';
import type { ProposalState, RegisteredTask } from './state.ts';

const changeName = { suspend: 'suspension', terminate: 'termination' } as const;

/** One proposal at a time waits on the leader. */
const assertNoOpenProposal = (task: RegisteredTask): void => {
  if (task.proposal === null) return;
  throw illegalState(
    `task ${task.taskId} has an open proposal of ${changeName[task.proposal.change]}: the leader decides it first`,
    'taskId',
  );
};

const propose = (change: LifecycleChange, reason: string, task: RegisteredTask): TaskEvent[] => {
  assertNoOpenProposal(task);
  return recorded('TaskLifecycleChangeProposed', task, { change, reason });
};

/**
 * The office proposes to pause the task or to end it, with the reason; the
 * task's responsible leader decides. A suspended task is refused a suspension
 * by the admission rules.
 */
export const proposeSuspension: OnTask<'ProposeSuspension'> = (data, task) =>
  propose('suspend', data.reason, task);
export const proposeTermination: OnTask<'ProposeTermination'> = (data, task) =>
  propose('terminate', data.reason, task);

const openProposal = (task: RegisteredTask): ProposalState => {
  if (task.proposal === null) {
    throw illegalState(`task ${task.taskId} has no open proposal to decide`, 'taskId');
  }
  return task.proposal;
};

/** What an approved change records: the pause from today, or the end. */
const changeFacts = (
  change: LifecycleChange,
  reason: string,
  task: RegisteredTask,
  context: DecisionContext,
): TaskEvent[] => {
  if (change === 'terminate') return recorded('TaskTerminated', task, { reason });
  if (task.suspended) throw illegalState(`task ${task.taskId} is suspended`, 'taskId');
  return recorded('TaskSuspended', task, { reason, suspendedOn: today(context) });
};

/**
 * The responsible leader (分管领导) approves the office's proposal: the decision
 * and the suspension or termination it allows, with the proposal's reason. Only
 * the task's own leader is admitted (scope `own_tasks`), as for its decisions below.
 */
export const approveLifecycleChange: OnTask<'ApproveLifecycleChange'> = (data, task, context) => {
  const { change, reason } = openProposal(task);
  return [
    ...recorded('TaskLifecycleChangeDecided', task, {
      change,
      approved: true,
      comment: data.comment,
      decidedBy: context.actor.id,
    }),
    ...changeFacts(change, reason, task, context),
  ];
};

/** The responsible leader turns the proposal down, saying why; the task runs on. */
export const rejectLifecycleChange: OnTask<'RejectLifecycleChange'> = (data, task, { actor }) => {
  const { change } = openProposal(task);
  return recorded('TaskLifecycleChangeDecided', task, {
    change,
    approved: false,
    comment: data.reason,
    decidedBy: actor.id,
  });
};

/**
 * The responsible leader suspends or ends the task on their own decision; not
 * while a proposal of the office waits on them (they decide that instead).
 */
export const leaderChange = (
  change: LifecycleChange,
  reason: string,
  task: RegisteredTask,
  context: DecisionContext,
): TaskEvent[] => {
  assertNoOpenProposal(task);
  return changeFacts(change, reason, task, context);
};
