import { dayOf } from '../contracts/dates.ts';
import type { TaskEventOf, TaskEventType } from '../contracts/events/task-events.ts';
import type { EventEnvelope } from './projection.ts';

/** The data of one task event type. */
export type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/** The business day (China Standard Time) the event was recorded on: views that count in days. */
export const recordedOn = (envelope: EventEnvelope): string => dayOf(envelope.recordedAt);
