import { id, reason } from '../../fields.ts';
import { command, office, onTask, open, openAndActive, served } from '../declare.ts';

/** The task's own lifecycle: signing (签收), transfer and return, suspension and termination. */

/** 签收: the acting department head signs for its unit. */
export const signTaskInput = onTask({});

export const transferTaskInput = onTask({ toUnitId: id(), reason: reason() });

/** Suspend, resume, terminate, return and reject a completion all say why. */
export const taskReasonInput = onTask({ reason: reason() });

const leadHead = { department_head: 'own_unit' } as const;

export const lifecycleCommands = served('tasks', {
  signTask: command(leadHead, signTaskInput, { unitScope: 'task', lifecycle: open }),
  transferTask: command(office, transferTaskInput, {
    lookups: { units: (data) => [data.toUnitId] },
    lifecycle: open,
  }),
  returnTask: command(leadHead, taskReasonInput, { unitScope: 'task', lifecycle: open }),
  suspendTask: command(office, taskReasonInput, { lifecycle: openAndActive }),
  resumeTask: command(office, taskReasonInput, { lifecycle: open, lookups: { calendars: true } }),
  terminateTask: command(office, taskReasonInput, { lifecycle: open }),
});
