import { dayOf } from '../../../contracts/dates.ts';
import type { RulesetEvent } from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { rulesStreamId } from '../../../contracts/streams.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { appendOnlyOf, restored } from '../../../projections/versions.ts';
import {
  type LogDay,
  lastLogDay,
  lateDaysCollection,
  logDaysCollection,
} from '../../projector/versions.ts';
import {
  type CalendarPublication,
  readCalendarPublications,
  yearsAround,
} from '../../shared/published-calendars.ts';
import {
  boardCollections,
  boardDocuments,
  replayedProjections,
  type Snapshot,
} from './snapshot.ts';

/** The projector whose versions and checkpoint are read. */
const projectorId = 'main';

/**
 * Which of `days` the versions can answer: the projector has gone past the day
 * (an event of a later day, or the end of the log), and no event reached it
 * late. What the projector has reached is read once for all of them.
 */
const answerableDays = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
  days: readonly string[],
): Promise<string[]> => {
  const [reached, checkpoint, end] = await Promise.all([
    lastLogDay(readModels),
    readModels.getCheckpoint(projectorId),
    eventStore.lastPosition(),
  ]);
  // Past days only: an event appended from now on is recorded after them.
  const atEnd = checkpoint >= end;
  const late = await readModels.getMany(lateDaysCollection, [...days]);
  return days.filter((day) => !late.has(day) && (reached > day || atEnd));
};

/** The last position recorded by the end of `day` (0 before the first). */
const positionBy = async (readModels: ReadModelStore, day: string): Promise<number> => {
  const { items } = await readModels.find<LogDay>(logDaysCollection, {
    filter: { day: { $lte: day } },
    sort: [{ field: 'day', direction: 'desc' }],
    limit: 1,
    count: false,
  });
  return items[0]?.position ?? 0;
};

/** The lists each board collection keeps as lengths in its versions. */
const appendOnly = new Map(
  replayedProjections.map((projection) => [
    projection.collection,
    appendOnlyOf(projection.temporal),
  ]),
);

type Doc = Record<string, unknown> & { id: string };

/**
 * A collection's documents as they stand at log position `reaching` or later
 * (now will do): what lists kept as lengths are restored from (append-only, so
 * any later document holds the earlier list whole).
 */
export type LaterDocuments = (
  collection: string,
  reaching: number,
) => Promise<ReadonlyMap<string, unknown>>;

/** Every document of `collection` now, in one read: documents are never removed from these collections. */
const readAll = async (readModels: ReadModelStore, collection: string) => {
  const { items } = await readModels.find<Doc>(collection, { count: false });
  return new Map(items.map((doc) => [doc.id, doc]));
};

/**
 * Every document, read once and kept with the projector's checkpoint before
 * the read: answered again while that reaches the position asked, read again
 * when it does not. Asks that come while a read is under way wait for it
 * instead of reading too. Where today's documents are not held (a worker of
 * past days), a past day's lists are restored without reading every document
 * again. What is kept holds at most `maxDocuments` documents: past it, the
 * collections asked longest ago are let go first, and a read holding more
 * than that alone is only shared by the asks that waited for it.
 */
export const storedOnce = (
  readModels: ReadModelStore,
  maxDocuments = Number.POSITIVE_INFINITY,
): LaterDocuments => {
  type Read = Promise<{ position: number; docs: ReadonlyMap<string, unknown> }>;
  // In the order asked: the first, the one asked longest ago.
  const kept = new Map<string, Read>();
  const weights = new Map<string, number>();
  let held = 0;
  const forget = (collection: string, read: Read) => {
    if (kept.get(collection) !== read) return;
    kept.delete(collection);
    held -= weights.get(collection) ?? 0;
    weights.delete(collection);
  };
  const weigh = (collection: string, read: Read, documents: number) => {
    if (kept.get(collection) !== read) return;
    if (documents > maxDocuments) return forget(collection, read);
    held += documents;
    weights.set(collection, documents);
    for (const [oldest, was] of kept) {
      if (held <= maxDocuments) break;
      forget(oldest, was);
    }
  };
  const read = (collection: string): Read => {
    const pending = readModels
      .getCheckpoint(projectorId)
      .then(async (position) => ({ position, docs: await readAll(readModels, collection) }));
    const was = kept.get(collection);
    if (was !== undefined) forget(collection, was);
    kept.set(collection, pending);
    // A failed read is not kept: the next asks again.
    pending.then(
      ({ docs }) => weigh(collection, pending, docs.size),
      () => forget(collection, pending),
    );
    return pending;
  };
  const used = (collection: string): Read | undefined => {
    const known = kept.get(collection);
    if (known === undefined) return undefined;
    // Asked last: let go last.
    kept.delete(collection);
    kept.set(collection, known);
    return known;
  };
  return async (collection, reaching) => {
    const known = used(collection) ?? read(collection);
    const first = await known;
    if (first.position >= reaching) return first.docs;
    // Too early for this position: one newer read, shared with whoever started it.
    const newer = kept.get(collection);
    return (await (newer !== undefined && newer !== known ? newer : read(collection))).docs;
  };
};

/** A collection's documents as of `day`, lists kept as lengths restored from later documents. */
const collectionAsOf = async (
  readModels: ReadModelStore,
  later: LaterDocuments,
  collection: string,
  day: string,
  position: number,
): Promise<Doc[]> => {
  const versions = await readModels.versionsAsOf<Doc>(collection, day);
  const lists = appendOnly.get(collection) ?? [];
  if (lists.length === 0) return versions;
  const now = (await later(collection, position)) as ReadonlyMap<string, Doc>;
  return versions.map((version) => restored(version, now.get(version.id), lists) as Doc);
};

/** One past day's board documents, from the versions kept on or before it. */
const keptSnapshot = async (
  readModels: ReadModelStore,
  later: LaterDocuments,
  rules: readonly { recordedOn: string; ruleset: RulesetEvent['data'] }[],
  calendars: readonly CalendarPublication[],
  day: string,
): Promise<Snapshot> => {
  const collections = Object.values(boardCollections);
  const position = await positionBy(readModels, day);
  const found = await Promise.all(
    collections.map((collection) => collectionAsOf(readModels, later, collection, day, position)),
  );
  const byCollection = new Map(collections.map((collection, i) => [collection, found[i] ?? []]));
  return {
    docs: boardDocuments((collection) => byCollection.get(collection) ?? []),
    // Published (recorded) by the end of the day, in the order they were.
    rulesets: rules.filter((rule) => rule.recordedOn <= day).map((rule) => rule.ruleset),
    calendars: calendars.filter((one) => one.recordedOn <= day).map((one) => one.calendar),
    position,
  };
};

/**
 * Past days' board documents as the projector's kept versions say, for the
 * days they can answer (see `answerableDays`): an indexed read of each board
 * collection's versions, not a replay of the log. The other days are left out.
 * Lists kept as lengths are restored from `later` documents: those held in
 * memory when the caller has them, else every stored document read once.
 */
export const keptSnapshots = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
  days: readonly string[],
  later: LaterDocuments = storedOnce(readModels),
): Promise<Map<string, Snapshot>> => {
  const found = new Map<string, Snapshot>();
  const wanted = await answerableDays(readModels, eventStore, days);
  if (wanted.length === 0) return found;
  const rules = (await eventStore.readStream(rulesStreamId)).map((stored) => ({
    recordedOn: dayOf(stored.recordedAt),
    ruleset: toDomainEvent<RulesetEvent>(stored).data,
  }));
  const calendars = await readCalendarPublications(eventStore, wanted.flatMap(yearsAround));
  for (const day of wanted) {
    found.set(day, await keptSnapshot(readModels, later, rules, calendars, day));
  }
  return found;
};
