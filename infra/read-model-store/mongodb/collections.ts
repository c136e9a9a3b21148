import type { AnyBulkWriteOperation, IndexSpecification } from 'mongodb';
import type { DocumentChange, DocumentVersion } from '../port.ts';
import { plainDocument } from '../shared/arguments.ts';
import { fieldPath } from './filter-mongo.ts';

/**
 * One MongoDB collection per read-model collection, under this prefix so that a
 * reset finds every one of them and no read model can take the checkpoints' name.
 */
export const DOCUMENTS_PREFIX = 'rm.';

/** Checkpoint of each projector: `{ _id: projectorId, position, term? }` (term: the highest lease term). */
export const CHECKPOINTS = 'checkpoints';

/**
 * Every collection's document versions, `{ _id, collection, id, day, doc }`,
 * indexed by collection, id and day for "the last version on or before a day".
 */
export const VERSIONS = 'versions';

/** What one kept version looks like in MongoDB (`doc: null`: gone by that day). */
export interface StoredVersion {
  _id: string;
  collection: string;
  id: string;
  day: string;
  doc: Record<string, unknown> | null;
}

/** The index the versions are read by. */
export const versionsIndex = { key: { collection: 1, id: 1, day: 1 }, name: 'collection_id_day' };

/** Versions as upserts keyed by collection, id and day (a later one of the day replaces it). */
export function versionWrites(
  versions: readonly DocumentVersion[],
): AnyBulkWriteOperation<StoredVersion>[] {
  return versions.map(({ collection, id, day, doc }) => {
    const _id = JSON.stringify([collection, id, day]);
    const replacement = { collection, id, day, doc: doc === null ? null : { ...doc } };
    return { replaceOne: { filter: { _id }, replacement, upsert: true } };
  });
}

/** What one read-model document looks like in MongoDB. */
export interface StoredDocument {
  _id: string;
  doc: Record<string, unknown>;
}

// MongoDB refuses `$` and NUL in collection names, and whole namespaces
// (`database.collection`) longer than 255 bytes.
const MAX_NAMESPACE_BYTES = 255;

/** The MongoDB collection of a read-model collection in `database`. */
export function documentsCollection(database: string, collection: string): string {
  const valid =
    typeof collection === 'string' &&
    collection.length > 0 &&
    !collection.includes('$') &&
    !collection.includes('\0');
  const name = `${DOCUMENTS_PREFIX}${collection}`;
  if (!valid || Buffer.byteLength(`${database}.${name}`) > MAX_NAMESPACE_BYTES) {
    throw new TypeError(`read-model collection name ${JSON.stringify(collection)} is not valid`);
  }
  return name;
}

/**
 * The indexes for filters and sorts on one field: the field, then `_id`, so a
 * sort on it with the id tie-break walks an index, ascending or descending.
 * The port breaks ties by id ascending in both directions, and MongoDB walks an
 * index backwards only as a whole (`f` descending with `_id` descending), so a
 * descending sort (the newest notifications first, a list sorted downwards)
 * needs its own `(f -1, _id 1)`; without it MongoDB sorts every match in memory.
 * Named after the field, so asking twice is a no-op.
 */
export function fieldIndexes(field: string): { key: IndexSpecification; name: string }[] {
  const path = fieldPath(field);
  return [
    { key: { [path]: 1, _id: 1 }, name: path },
    { key: { [path]: -1, _id: 1 }, name: `${path}_desc` },
  ];
}

/**
 * A batch's changes as one ordered bulk write per collection: a document replaces
 * (or creates) the stored one whole, `doc: null` deletes it. Changes to different
 * collections never touch the same document, so only the order within each
 * collection matters. Every document is checked before anything is written.
 */
export function writesByCollection(
  database: string,
  changes: readonly DocumentChange[],
): Map<string, AnyBulkWriteOperation<StoredDocument>[]> {
  const writes = new Map<string, AnyBulkWriteOperation<StoredDocument>[]>();
  for (const change of changes) {
    const name = documentsCollection(database, change.collection);
    const filter = { _id: change.id };
    const operation: AnyBulkWriteOperation<StoredDocument> =
      change.doc === null
        ? { deleteOne: { filter } }
        : { replaceOne: { filter, replacement: { doc: plainDocument(change) }, upsert: true } };
    const list = writes.get(name) ?? [];
    list.push(operation);
    writes.set(name, list);
  }
  return writes;
}
