import {
  type Collection,
  type Db,
  type Filter,
  MongoClient,
  type MongoClientOptions,
  type TransactionOptions,
} from 'mongodb';
import {
  type CheckpointCommit,
  CheckpointMovedError,
  type DocumentChange,
  type DocumentVersion,
  type FindQuery,
  type FindResult,
  maxOffset,
  type ReadModelStore,
  StaleTermError,
} from '../port.ts';
import { assertCount, assertPosition, assertTerm, isStaleTerm } from '../shared/arguments.ts';
import {
  CHECKPOINTS,
  DOCUMENTS_PREFIX,
  documentsCollection,
  fieldIndexes,
  type StoredDocument,
  type StoredVersion,
  VERSIONS,
  versionsIndex,
  versionWrites,
  writesByCollection,
} from './collections.ts';
import { filterToMongo, keysetToMongo, sortToMongo } from './filter-mongo.ts';
import { transactionsUnsupported } from './replica-set.ts';

/** Where the read models live. */
export interface MongoReadModelStoreOptions {
  /** `mongodb://…` or `mongodb+srv://…`, naming a replica set (or a mongos). */
  url: string;
  database: string;
  /** Driver settings on top of the store's own (timeouts, TLS files, …). */
  clientOptions?: MongoClientOptions;
}

interface Checkpoint {
  _id: string;
  position: number;
  /** The highest lease term committed under; absent: none. */
  term?: number;
}

// Snapshot reads inside the transaction: the checkpoint compared is the one the
// writes commit against; a concurrent commit of the same projector makes one of
// the two fail with a write conflict, which withTransaction retries, re-reading.
const TRANSACTION: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
  readPreference: 'primary',
};

const ONLY_DOC = { projection: { doc: 1 } } as const;

/** Every collection holding read-model documents, for `listCollections`. */
const documentCollections = { name: { $regex: `^${DOCUMENTS_PREFIX.replaceAll('.', '\\.')}` } };

/**
 * The read-model store on MongoDB: one collection per read-model collection,
 * documents stored as `{ _id: id, doc }`, queries translated from the port's
 * filters with the embedded adapter's semantics. A commit writes its documents and
 * moves the projector's checkpoint in one transaction (exactly-once effect),
 * with the highest lease term beside the checkpoint.
 */
export class MongoReadModelStore implements ReadModelStore {
  readonly #client: MongoClient;
  readonly #db: Db;
  readonly #database: string;
  #ready: Promise<void> | undefined;
  #versionsIndex: Promise<void> | undefined;

  constructor(client: MongoClient, database: string) {
    this.#client = client;
    this.#database = database;
    this.#db = client.db(database);
  }

  /**
   * Connects and checks that the server runs transactions. Every call waits for
   * it; a failure (server down, or standalone) fails the call and is tried again
   * by the next one, so the store recovers without a restart.
   */
  connect(): Promise<void> {
    this.#ready ??= this.#check().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  async get<T = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
    const documents = this.#documents(collection);
    await this.connect();
    const row = await documents.findOne({ _id: id }, ONLY_DOC);
    return row === null ? null : (row.doc as T);
  }

  async getMany<T = Record<string, unknown>>(
    collection: string,
    ids: string[],
  ): Promise<Map<string, T>> {
    const documents = this.#documents(collection);
    const found = new Map<string, T>();
    if (ids.length === 0) return found;
    await this.connect();
    const rows = await documents.find({ _id: { $in: [...new Set(ids)] } }, ONLY_DOC).toArray();
    for (const row of rows) found.set(row._id, row.doc as T);
    return found;
  }

  async find<T = Record<string, unknown>>(
    collection: string,
    query: FindQuery = {},
  ): Promise<FindResult<T>> {
    const { offset = 0, limit } = query;
    assertCount('offset', offset);
    assertCount('limit', limit);
    // A skip walks every document it passes over, on each page: deep pages go by keys.
    if (offset > maxOffset) {
      throw new TypeError(`read-model query offset ${offset} is over ${maxOffset}: page by after`);
    }
    const filter = filterToMongo(query.filter) as Filter<StoredDocument>;
    const sort = sortToMongo(query.sort);
    const page = query.after
      ? ({ $and: [filter, keysetToMongo(query.sort, query.after)] } as Filter<StoredDocument>)
      : filter;
    const documents = this.#documents(collection);
    await this.connect();
    // MongoDB reads a limit of 0 as "no limit"; the port means none.
    let rows: StoredDocument[] = [];
    if (limit !== 0) {
      const cursor = documents.find(page, ONLY_DOC).sort(sort).skip(offset);
      rows = await (limit === undefined ? cursor : cursor.limit(limit)).toArray();
    }
    const items = rows.map((row) => row.doc as T);
    // A first page that is not full already holds every match: no need to count.
    const complete = offset === 0 && !query.after && (limit === undefined || rows.length < limit);
    const uncounted = complete || query.count === false;
    const total = uncounted ? offset + rows.length : await documents.countDocuments(filter);
    return { items, total };
  }

  async getCheckpoint(projectorId: string): Promise<number> {
    await this.connect();
    const stored = await this.#checkpoints().findOne({ _id: projectorId });
    return stored?.position ?? 0;
  }

  async commit(
    projectorId: string,
    changes: DocumentChange[],
    checkpoint: CheckpointCommit,
    versions: readonly DocumentVersion[] = [],
  ): Promise<void> {
    const { from, to, term } = checkpoint;
    assertPosition('from', from);
    assertPosition('to', to);
    assertTerm(term);
    const writes = writesByCollection(this.#database, changes);
    const kept = versionWrites(versions);
    await this.connect();
    if (kept.length > 0) await this.#versionsIndexed();
    if (to <= from) {
      throw new CheckpointMovedError(projectorId, from, await this.getCheckpoint(projectorId));
    }
    const checkpoints = this.#checkpoints();
    await this.#client.withSession((session) =>
      session.withTransaction(async () => {
        const stored = await checkpoints.findOne({ _id: projectorId }, { session });
        const highest = stored?.term ?? null;
        if (isStaleTerm(term, highest)) throw new StaleTermError(projectorId, term!, highest!);
        const actual = stored?.position ?? 0;
        if (actual !== from) throw new CheckpointMovedError(projectorId, from, actual);
        // The checkpoint first: a racing commit conflicts here, before any document.
        await checkpoints.updateOne(
          { _id: projectorId },
          term === undefined
            ? { $set: { position: to } }
            : { $set: { position: to }, $max: { term } },
          { upsert: true, session },
        );
        for (const [name, operations] of writes) {
          await this.#db
            .collection<StoredDocument>(name)
            .bulkWrite(operations, { session, ordered: true });
        }
        if (kept.length > 0) await this.#versions().bulkWrite(kept, { session, ordered: true });
      }, TRANSACTION),
    );
  }

  async versionsAsOf<T = Record<string, unknown>>(collection: string, day: string): Promise<T[]> {
    await this.connect();
    await this.#versionsIndexed();
    const rows = await this.#versions()
      .aggregate<{ _id: string; doc: T | null }>(
        [
          { $match: { collection, day: { $lte: day } } },
          { $sort: { collection: 1, id: 1, day: -1 } },
          { $group: { _id: '$id', doc: { $first: '$doc' } } },
        ],
        { allowDiskUse: true },
      )
      .toArray();
    return rows.flatMap((row) => (row.doc === null ? [] : [row.doc]));
  }

  /**
   * Removes every document, version and checkpoint (before a rebuild). Not one transaction:
   * a reset may outgrow one. Checkpoints go first, so a reset cut short leaves
   * projectors at 0 over stale documents, which the rebuild's reset clears again,
   * never documents gone under a checkpoint that says they are applied.
   */
  async reset(): Promise<void> {
    await this.connect();
    await this.#checkpoints().deleteMany({});
    await this.#versions().deleteMany({});
    const collections = await this.#db
      .listCollections(documentCollections, { nameOnly: true })
      .toArray();
    for (const { name } of collections) await this.#db.collection(name).deleteMany({});
  }

  /**
   * Indexes one field of one collection (idempotent), for filters and sorts on it.
   * Not part of the port: which fields deserve an index is the adapter's concern.
   */
  async ensureIndex(collection: string, field: string): Promise<void> {
    const documents = this.#documents(collection);
    const indexes = fieldIndexes(field);
    await this.connect();
    for (const { key, name } of indexes) await documents.createIndex(key, { name });
  }

  async ping(): Promise<void> {
    await this.connect();
    await this.#db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.#client.close();
  }

  async #check(): Promise<void> {
    await this.#client.connect();
    const hello = await this.#client.db('admin').command({ hello: 1 });
    const problem = transactionsUnsupported(hello);
    if (problem !== undefined) throw new Error(problem);
  }

  #documents(collection: string): Collection<StoredDocument> {
    return this.#db.collection<StoredDocument>(documentsCollection(this.#database, collection));
  }

  #versions(): Collection<StoredVersion> {
    return this.#db.collection<StoredVersion>(VERSIONS);
  }

  /** Creates the versions' index once per store (idempotent on the server). */
  #versionsIndexed(): Promise<void> {
    this.#versionsIndex ??= this.#versions()
      .createIndex(versionsIndex.key, { name: versionsIndex.name })
      .then(
        () => undefined,
        (error: unknown) => {
          this.#versionsIndex = undefined;
          throw error;
        },
      );
    return this.#versionsIndex;
  }

  #checkpoints(): Collection<Checkpoint> {
    return this.#db.collection<Checkpoint>(CHECKPOINTS);
  }
}

/**
 * Opens the read-model store on MongoDB. Nothing is sent until the first call
 * (or `connect()`); the driver reconnects by itself after a server restart.
 */
export function openMongoReadModelStore(options: MongoReadModelStoreOptions): MongoReadModelStore {
  const client = new MongoClient(options.url, {
    appName: 'dubanju',
    ignoreUndefined: true,
    ...options.clientOptions,
  });
  return new MongoReadModelStore(client, options.database);
}
