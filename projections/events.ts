import { dayOf } from '../contracts/dates.ts';
import { isTaskEvent } from '../contracts/events/families.ts';
import type { TaskEventOf, TaskEventType } from '../contracts/events/task-events.ts';
import type { EventEnvelope } from './projection.ts';

/** The data of one task event type. */
export type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/** The business day (China Standard Time) the event was recorded on: views that count in days. */
export const recordedOn = (envelope: EventEnvelope): string => dayOf(envelope.recordedAt);

/** The `documentId` of a view with one document per task: its task id, for a task event. */
export const taskDocumentId = ({ event }: EventEnvelope): string | null =>
  isTaskEvent(event) ? event.data.taskId : null;
