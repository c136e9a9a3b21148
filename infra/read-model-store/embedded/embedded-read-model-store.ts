import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { unavailable } from '../../../contracts/errors.ts';
import { isDiskFailure, openingFile, sqliteReason } from '../../sqlite/failures.ts';
import { startWalCheckpointer, type WalCheckpointer } from '../../sqlite/wal-checkpointer.ts';
import {
  type CheckpointCommit,
  CheckpointMovedError,
  type DocumentChange,
  type DocumentVersion,
  type FindQuery,
  type FindResult,
  type ReadModelStore,
  StaleTermError,
} from '../port.ts';
import { assertTerm, isStaleTerm } from '../shared/arguments.ts';
import { filterToSql, keysetSql, sortToSql } from './filter-sql.ts';
import { createIndexSql, indexedFields, indexKey } from './index-sql.ts';
import { narrowingProbes, narrowMatches } from './narrow-filter.ts';
import { BUSY_TIMEOUT_MS, prepareDatabase } from './schema.ts';
import { StatementCache } from './statement-cache.ts';
import { prepareStatements, type Statements } from './statements.ts';

/** Where the embedded store keeps its data. */
export interface EmbeddedReadModelStoreOptions {
  /** SQLite file (its directory is created when missing), or ':memory:'. */
  path: string;
  /** Quiet time after the last commit before the WAL is checkpointed (default 1 s). */
  checkpointIdleMs?: number;
  /**
   * Test-only: caps the database at this many pages (SQLite's max_page_count), so
   * a test sees what a full disk does without filling one.
   */
  maxPageCount?: number;
}

function assertPosition(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`checkpoint ${name} ${value} is not a position`);
  }
}

/** A projector's row: where it is, and the highest lease term it has committed under. */
interface StoredCheckpoint {
  position: number;
  term: number | null;
}

function assertCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new TypeError(`read-model query ${name} ${value} is not a count`);
  }
}

/** Serialises a document, refusing what JSON cannot carry (it would not read back). */
/** Versions in the order of the table's key: collection, id, day. */
const byKey = (a: DocumentVersion, b: DocumentVersion): number =>
  a.collection < b.collection
    ? -1
    : a.collection > b.collection
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : a.day < b.day
            ? -1
            : a.day > b.day
              ? 1
              : 0;

function serialise(change: DocumentChange): string {
  const { doc } = change;
  const json = typeof doc === 'object' && !Array.isArray(doc) ? JSON.stringify(doc) : undefined;
  if (json === undefined) {
    throw new TypeError(`read-model document ${change.collection}/${change.id} is not an object`);
  }
  return json;
}

/**
 * The read-model store in one SQLite file: documents as JSON text, queried through
 * json_extract. node:sqlite is synchronous, so each method runs to completion
 * without interleaving with others of this process; WAL lets other processes read.
 * A full disk or a disk I/O error fails a commit with UNAVAILABLE: nothing moved,
 * and the projector's next poll tries the same page again.
 */
export class EmbeddedReadModelStore implements ReadModelStore {
  readonly #db: DatabaseSync;
  readonly #statements: Statements;
  readonly #queries: StatementCache;
  readonly #checkpointer: WalCheckpointer;
  /** The fields indexed (`indexKey`): those made here, and those the file held when opened. */
  readonly #indexes: Set<string>;

  constructor(db: DatabaseSync, options: { checkpointIdleMs?: number } = {}) {
    prepareDatabase(db);
    this.#db = db;
    this.#statements = prepareStatements(db);
    this.#queries = new StatementCache(db);
    this.#indexes = indexedFields(db);
    this.#checkpointer = startWalCheckpointer(db, BUSY_TIMEOUT_MS, options.checkpointIdleMs);
  }

  async get<T = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
    const row = this.#statements.get.get(collection, id) as { doc: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.doc) as T);
  }

  async getMany<T = Record<string, unknown>>(
    collection: string,
    ids: string[],
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (ids.length === 0) return found;
    const rows = this.#statements.getMany.all(collection, JSON.stringify(ids)) as {
      id: string;
      doc: string;
    }[];
    for (const row of rows) found.set(row.id, JSON.parse(row.doc) as T);
    return found;
  }

  async find<T = Record<string, unknown>>(
    collection: string,
    query: FindQuery = {},
  ): Promise<FindResult<T>> {
    const { offset = 0, limit } = query;
    assertCount('offset', offset);
    assertCount('limit', limit);
    const filter = filterToSql(query.filter);
    const where = `collection = ?${filter.sql === '' ? '' : ` AND ${filter.sql}`}`;
    const params = [collection, ...filter.params];
    const keyset = query.after ? keysetSql(query.sort, query.after) : null;
    const page = keyset ? `${where} AND ${keyset.sql}` : where;
    const walkIndex = !this.#isNarrow(collection, query);
    const order = sortToSql(query.sort, walkIndex);
    const rows = this.#queries
      .get(`SELECT doc FROM documents WHERE ${page} ${order} LIMIT ? OFFSET ?`)
      .all(...params, ...(keyset?.params ?? []), limit ?? -1, offset) as { doc: string }[];
    const items = rows.map((row) => JSON.parse(row.doc) as T);
    // A first page that is not full already holds every match: no need to count.
    const complete = offset === 0 && !keyset && (limit === undefined || rows.length < limit);
    if (complete || query.count === false) return { items, total: offset + rows.length };
    const counted = this.#queries
      .get(`SELECT count(*) AS total FROM documents WHERE ${where}`)
      .get(...params) as { total: number };
    return { items, total: counted.total };
  }

  /** Whether one of the query's indexed filters lets few enough documents through (see `narrowingProbes`). */
  #isNarrow(collection: string, query: FindQuery): boolean {
    const probes = narrowingProbes(collection, query.filter, query.sort, (on, field) =>
      this.#indexes.has(indexKey(on, field)),
    );
    return probes.some(
      (probe) =>
        (this.#queries.get(probe.sql).get(...probe.params) as { n: number }).n <= narrowMatches,
    );
  }

  async getCheckpoint(projectorId: string): Promise<number> {
    const row = this.#statements.getCheckpoint.get(projectorId) as StoredCheckpoint | undefined;
    return row?.position ?? 0;
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
    const st = this.#statements;
    this.#writeTransaction(() => {
      const row = st.getCheckpoint.get(projectorId) as StoredCheckpoint | undefined;
      const highest = row?.term ?? null;
      if (isStaleTerm(term, highest)) throw new StaleTermError(projectorId, term!, highest!);
      const stored = row?.position ?? 0;
      if (stored !== from || to <= from) {
        throw new CheckpointMovedError(projectorId, from, stored);
      }
      // A version is most often the very document written: serialised once.
      const written = new Map<object, string>();
      for (const change of changes) {
        if (change.doc === null) st.remove.run(change.collection, change.id);
        else {
          const json = serialise(change);
          written.set(change.doc, json);
          st.upsert.run(change.collection, change.id, json);
        }
      }
      // In key order: each page of the versions' index is written once per commit.
      for (const { collection, id, day, doc } of [...versions].sort(byKey)) {
        const json = doc === null ? null : (written.get(doc) ?? JSON.stringify(doc));
        st.keepVersion.run(collection, id, day, json);
      }
      st.setCheckpoint.run(projectorId, to, term ?? null);
    });
  }

  async versionsAsOf<T = Record<string, unknown>>(collection: string, day: string): Promise<T[]> {
    const rows = this.#statements.versionsAsOf.all(collection, day) as { doc: string | null }[];
    const docs: T[] = [];
    for (const row of rows) if (row.doc !== null) docs.push(JSON.parse(row.doc) as T);
    return docs;
  }

  /**
   * Every kept version of `collection`, in id then day order, read as they are
   * iterated: for checks that compare two stores (not part of the port).
   */
  *versionsOf(collection: string): Generator<DocumentVersion> {
    const rows = this.#queries
      .get('SELECT id, day, doc FROM versions WHERE collection = ? ORDER BY collection, id, day')
      .iterate(collection) as Iterable<{ id: string; day: string; doc: string | null }>;
    for (const { id, day, doc } of rows) {
      yield { collection, id, day, doc: doc === null ? null : JSON.parse(doc) };
    }
  }

  async reset(): Promise<void> {
    this.#writeTransaction(() => {
      this.#db.exec('DELETE FROM documents; DELETE FROM versions; DELETE FROM checkpoints');
    });
  }

  /** Indexes one field (idempotent), for filters, sorts and keyset pages on it. */
  async ensureIndex(collection: string, field: string): Promise<void> {
    this.#db.exec(createIndexSql(collection, field));
    this.#indexes.add(indexKey(collection, field));
  }

  async ping(): Promise<void> {
    this.#statements.ping.get();
  }

  async close(): Promise<void> {
    if (!this.#db.isOpen) return;
    // The database file then holds every document, even with other connections open.
    this.#checkpointer.close();
    this.#db.close();
  }

  /**
   * Runs `work` in a transaction, rolled back when it throws. IMMEDIATE takes the
   * write lock up front, so what `work` reads cannot be overtaken by another
   * connection before its writes land.
   */
  #writeTransaction(work: () => void): void {
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        work();
        this.#db.exec('COMMIT');
      } catch (error) {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      if (!isDiskFailure(error)) throw error;
      throw unavailable(`the read models cannot be written: ${sqliteReason(error)}`);
    }
    this.#checkpointer.wrote();
  }
}

/** Opens (creating when missing) the embedded read-model store at `options.path`. */
export function openEmbeddedReadModelStore(
  options: EmbeddedReadModelStoreOptions,
): EmbeddedReadModelStore {
  const { path } = options;
  if (path !== ':memory:' && !path.startsWith('file:')) {
    mkdirSync(dirname(path), { recursive: true });
  }
  return openingFile(path, () => {
    const db = new DatabaseSync(path);
    try {
      const store = new EmbeddedReadModelStore(
        db,
        options.checkpointIdleMs === undefined
          ? {}
          : { checkpointIdleMs: options.checkpointIdleMs },
      );
      if (options.maxPageCount !== undefined) {
        db.exec(`PRAGMA max_page_count = ${Math.trunc(options.maxPageCount)}`);
      }
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  });
}
