import { isTaskEvent } from '../../contracts/events/families.ts';
import type { TaskEventType } from '../../contracts/events/task-events.ts';
import type { EventEnvelope } from '../projection.ts';

/**
 * Id of a document about one part of a task (a milestone, a blockage, an
 * indicator): part ids are unique only inside their task's stream.
 */
export const partDocumentId = (taskId: string, partId: string): string => `${taskId}/${partId}`;

/** How a task event names the part it is about. */
type PartKey = 'milestoneId' | 'blockageId' | 'indicatorId';

/** The id a task event's data gives the part under `key`; only called once `key in data`. */
const partIdIn = (data: object, key: PartKey): string =>
  (data as Partial<Record<PartKey, string>>)[key]!;

/**
 * The `documentId` of a view with one document per part: `taskId/<part id>` for
 * an event of `handles` that names a part by `key`, null for any other event.
 */
export const partDocumentIdOf = (handles: readonly TaskEventType[], key: PartKey) => {
  const handled: ReadonlySet<string> = new Set(handles);
  return ({ event }: EventEnvelope): string | null =>
    isTaskEvent(event) && handled.has(event.type) && key in event.data
      ? partDocumentId(event.data.taskId, partIdIn(event.data, key))
      : null;
};

/** `doc` with `change` applied, stamped with the position of the event applied. */
export const stamped = <D extends { position: number }>(
  doc: D,
  envelope: EventEnvelope,
  change: NoInfer<Partial<D>>,
): D => ({ ...doc, ...change, position: envelope.position });
