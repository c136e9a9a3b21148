import type { EventEnvelope, Projection } from '../projection.ts';
import { eventsReadBy, isReadBy, type TaskReader } from '../readers.ts';

/**
 * Id of a document about one part of a task (a milestone, a blockage, an
 * indicator): part ids are unique only inside their task's stream.
 */
export const partDocumentId = (taskId: string, partId: string): string => `${taskId}/${partId}`;

/** How a task event names the part it is about. */
type PartKey = 'milestoneId' | 'blockageId' | 'indicatorId';

/** The part a task event's data names under `key`: null when it names none (a task-level extension). */
const partIdIn = (data: object, key: PartKey): string | null =>
  (data as Partial<Record<PartKey, string | null>>)[key] ?? null;

/**
 * The `handles` and `documentId` of a view with one document per part: the
 * events `view` reads, each about the document `taskId/<part id>` when it names
 * a part by `key`; any other event touches none.
 */
export const routedByPart = (
  view: TaskReader,
  key: PartKey,
): Pick<Projection<never>, 'handles' | 'documentId'> => {
  const isRead = isReadBy(view);
  return {
    handles: eventsReadBy(view),
    documentId: ({ event }) => {
      if (!isRead(event)) return null;
      const partId = partIdIn(event.data, key);
      return partId === null ? null : partDocumentId(event.data.taskId, partId);
    },
  };
};

/** `doc` with `change` applied, stamped with the position of the event applied. */
export const stamped = <D extends { position: number }>(
  doc: D,
  envelope: EventEnvelope,
  change: NoInfer<Partial<D>>,
): D => ({ ...doc, ...change, position: envelope.position });
