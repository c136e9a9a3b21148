import type { TaskEventOf } from '../../../contracts/events/task-events.ts';
import type { EventEnvelope } from '../../projection.ts';
import {
  approvalStep,
  rejectionStep,
  requestedEntry,
  reviewStep,
  withStep,
} from '../extension-entries.ts';
import { stamped } from '../shared.ts';
import type { BoardTask } from './document.ts';

/** The facts of a deadline extension request (延期), from the asking to the decision. */
export type ExtensionEvent = TaskEventOf<
  | 'DeadlineExtensionRequested'
  | 'DeadlineExtensionReviewed'
  | 'DeadlineExtensionApproved'
  | 'DeadlineExtensionRejected'
>;

/**
 * A request for the task's own due date (`milestoneId` null), step by step; a
 * granted one moves the task's due date. A milestone's request is its own document's.
 */
export const withOwnExtension = (
  task: BoardTask,
  envelope: EventEnvelope,
  event: ExtensionEvent,
): BoardTask => {
  const entries = task.extensions ?? [];
  switch (event.type) {
    case 'DeadlineExtensionRequested':
      return stamped(task, envelope, {
        extensions: [...entries, requestedEntry(event.data, envelope)],
      });
    case 'DeadlineExtensionReviewed': {
      const step = reviewStep(event.data, envelope);
      return stamped(task, envelope, { extensions: withStep(entries, event.data.requestId, step) });
    }
    case 'DeadlineExtensionApproved': {
      const step = approvalStep(event.data, envelope);
      return stamped(task, envelope, {
        dueDate: event.data.newDueDate,
        extensions: withStep(entries, event.data.requestId, step),
      });
    }
    case 'DeadlineExtensionRejected': {
      const step = rejectionStep(event.data, envelope);
      return stamped(task, envelope, { extensions: withStep(entries, event.data.requestId, step) });
    }
    default: {
      const _exhaustive: never = event;
      return task;
    }
  }
};
