import { id, optionalText, reason } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, onTask, open, openAndActive, served } from '../declare.ts';

/**
 * The task's own lifecycle: signing (签收), transfer and return (退回, a request
 * the office rules on), suspension and termination (proposed by the office,
 * decided by the task's responsible leader).
 */

/** 签收: the acting department head signs for its unit. */
export const signTaskInput = onTask({});

export const transferTaskInput = onTask({ toUnitId: id(), reason: reason() });

/** Suspend, resume, terminate, return and reject a completion all say why. */
export const taskReasonInput = onTask({ reason: reason() });

/** The office accepts a return and names the unit that leads from now on. */
export const acceptReturnInput = transferTaskInput;

/** The leader approves the open proposal, with an optional comment. */
export const approveLifecycleChangeInput = onTask({ comment: optionalText(limits.note) });

const leadHead = { department_head: 'own_unit' } as const;
/** The task's own responsible leader (分管领导), or any leader where it names none. */
const leader = { leader: 'own_tasks' } as const;

export const lifecycleCommands = served('tasks', {
  /** A unit's liaison (联络员) signs for it too: 签收 is the liaison's first job. */
  signTask: command({ ...leadHead, liaison: 'own_unit' }, signTaskInput, {
    unitScope: 'task',
    lifecycle: open,
  }),
  transferTask: command(office, transferTaskInput, {
    lookups: { units: (data) => [data.toUnitId] },
    lifecycle: open,
  }),
  returnTask: command(leadHead, taskReasonInput, { unitScope: 'task', lifecycle: open }),
  acceptReturn: command(office, acceptReturnInput, {
    lookups: { units: (data) => [data.toUnitId] },
    lifecycle: open,
  }),
  refuseReturn: command(office, taskReasonInput, { lifecycle: open }),
  proposeSuspension: command(office, taskReasonInput, { lifecycle: openAndActive }),
  proposeTermination: command(office, taskReasonInput, { lifecycle: open }),
  approveLifecycleChange: command(leader, approveLifecycleChangeInput, { lifecycle: open }),
  rejectLifecycleChange: command(leader, taskReasonInput, { lifecycle: open }),
  suspendTask: command(leader, taskReasonInput, { lifecycle: openAndActive }),
  resumeTask: command(office, taskReasonInput, { lifecycle: open, lookups: { calendars: true } }),
  terminateTask: command(leader, taskReasonInput, { lifecycle: open }),
});
