import { date, id, reason } from '../../fields.ts';
import { command, onTask, open, partOf, served } from '../declare.ts';

/** Deadline extensions (延期): asked by the lead unit before the deadline, decided by a leader. */

export const requestDeadlineExtensionInput = onTask({
  milestoneId: id(),
  requestedDueDate: date(),
  reason: reason(),
});

export const approveDeadlineExtensionInput = onTask({ requestId: id() });

export const rejectDeadlineExtensionInput = onTask({ requestId: id(), reason: reason() });

const leader = { leader: 'all' } as const;

export const extensionCommands = served('tasks', {
  requestDeadlineExtension: command(
    { department_head: 'own_unit' },
    requestDeadlineExtensionInput,
    { newId: partOf('extension', 'requestId'), unitScope: 'task', lifecycle: open },
  ),
  approveDeadlineExtension: command(leader, approveDeadlineExtensionInput, { lifecycle: open }),
  rejectDeadlineExtension: command(leader, rejectDeadlineExtensionInput),
});
