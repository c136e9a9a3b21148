import { dayOf } from '../../contracts/dates.ts';
import type { TaskEventOf, TaskEventType } from '../../contracts/events/task-events.ts';
import type { EventEnvelope } from '../projection.ts';

/** The data of one task event type. */
export type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/**
 * Id of a document about one part of a task (a milestone, a blockage, an
 * indicator): part ids are unique only inside their task's stream.
 */
export const partDocumentId = (taskId: string, partId: string): string => `${taskId}/${partId}`;

/** The business day (China Standard Time) the event was recorded on: boards count in days. */
export const recordedOn = (envelope: EventEnvelope): string => dayOf(envelope.recordedAt);

/** Replaces the item with `id` by `change(item)`, leaving the others as they are. */
export const updateItem = <T extends { id: string }>(
  items: readonly T[],
  id: string,
  change: (item: T) => T,
): T[] => items.map((item) => (item.id === id ? change(item) : item));
