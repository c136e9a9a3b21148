import { dayOf } from '../../contracts/dates.ts';
import { addDays } from '../../domain/dates.ts';
import type {
  DocumentChange,
  DocumentVersion,
  ReadModelStore,
} from '../../infra/read-model-store/port.ts';
import type { EventEnvelope, Projection } from '../../projections/projection.ts';
import { appendOnlyOf, trimmed } from '../../projections/versions.ts';

/** Per day of the log (`{ id: day, day, position }`): the last position known by its end. */
export const logDaysCollection = 'log_days';

/**
 * Days an event reached late (`{ id: day, day }`): it was recorded on or
 * before them but came after an event of a later day (a command in flight
 * across midnight, a clock set back). What was known at their end is not
 * among the versions; it takes a replay of the log.
 */
export const lateDaysCollection = 'log_late_days';

/** A day of the log as the projector keeps it. */
export type LogDay = { id: string; day: string; position: number };

/** The collections of `projections` that keep a version of their documents per day, with their append-only lists. */
export const temporalCollections = (
  projections: readonly Pick<Projection<never>, 'collection' | 'temporal'>[],
): Map<string, readonly string[]> =>
  new Map(
    projections
      .filter((projection) => projection.temporal !== undefined)
      .map((projection) => [projection.collection, appendOnlyOf(projection.temporal)]),
  );

/** The latest day the log had reached at the projector's checkpoint ('' before any). */
export const lastLogDay = async (readModels: ReadModelStore): Promise<string> => {
  const { items } = await readModels.find<LogDay>(logDaysCollection, {
    sort: [{ field: 'day', direction: 'desc' }],
    limit: 1,
    count: false,
  });
  return items[0]?.day ?? '';
};

/**
 * Follows the events a page applies and the documents they change, and says
 * what to keep of them: each changed document of a temporal collection as it
 * stood at the end of each day it changed on, and the log's days. An event
 * belongs to the day it was recorded on, or to the latest day the log had
 * reached before it when that is later: a late event is known from then on,
 * and the days it skipped are noted late.
 */
export const createVersionTracker = (
  temporal: ReadonlyMap<string, readonly string[]>,
  reached: string,
) => {
  let day = reached;
  let closed: DocumentVersion[] = [];
  let open = new Map<string, DocumentVersion>();
  const positions = new Map<string, number>();
  const late = new Set<string>();
  return {
    /** Before the event's changes: the day they belong to. */
    event(envelope: EventEnvelope): void {
      const recordedOn = dayOf(envelope.recordedAt);
      if (recordedOn >= day) day = recordedOn;
      else
        for (let skipped = recordedOn; skipped < day; skipped = addDays(skipped, 1)) {
          late.add(skipped);
        }
      positions.set(day, envelope.position);
    },
    /** A document written (or removed: null) by the current event. */
    changed(collection: string, id: string, doc: Record<string, unknown> | null): void {
      const appendOnly = temporal.get(collection);
      if (appendOnly === undefined) return;
      const key = `${collection}\u0000${id}`;
      const kept = open.get(key);
      // The document's state at the end of an earlier day is final.
      if (kept !== undefined && kept.day !== day) closed.push(kept);
      open.set(key, { collection, id, day, doc });
    },
    /** The day the log has reached. */
    reached: (): string => day,
    /**
     * The versions and the log's days to keep since the last take. A version
     * of the current day is kept as it stands, and again when it changes.
     */
    take(): { versions: DocumentVersion[]; changes: DocumentChange[] } {
      const versions = [...closed, ...open.values()].map((version) => {
        const appendOnly = temporal.get(version.collection) ?? [];
        return version.doc === null
          ? version
          : { ...version, doc: trimmed(version.doc, appendOnly) };
      });
      closed = [];
      open = new Map();
      const changes: DocumentChange[] = [];
      for (const [known, position] of positions) {
        changes.push({
          collection: logDaysCollection,
          id: known,
          doc: { id: known, day: known, position },
        });
      }
      for (const skipped of late) {
        changes.push({
          collection: lateDaysCollection,
          id: skipped,
          doc: { id: skipped, day: skipped },
        });
      }
      positions.clear();
      late.clear();
      return { versions, changes };
    },
  };
};

/** What a page keeps besides its documents. */
export type VersionTracker = ReturnType<typeof createVersionTracker>;
