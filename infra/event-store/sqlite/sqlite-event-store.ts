import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { unavailable } from '../../../contracts/errors.ts';
import { isDiskFailure, openingFile, sqliteReason } from '../../sqlite/failures.ts';
import { startWalCheckpointer } from '../../sqlite/wal-checkpointer.ts';
import type { EventStore } from '../port.ts';
import { streamRead } from '../shared/batch.ts';
import { type EventRow, toStoredEvent } from '../shared/rows.ts';
import { appendInTransaction } from './append.ts';
import {
  applySchema,
  BUSY_TIMEOUT_MS,
  configureConnection,
  type SynchronousMode,
} from './schema.ts';
import { prepareStatements } from './statements.ts';

/** Where the embedded store lives and how hard each commit hits the disk. */
export interface SqliteEventStoreOptions {
  /** File path, or ':memory:' for a private store that dies with the process. */
  path: string;
  /** NORMAL (default) survives a killed process; FULL also survives a power cut. */
  synchronous?: SynchronousMode;
  /** Quiet time after the last append before the WAL is checkpointed (default 1 s). */
  checkpointIdleMs?: number;
  /**
   * Test-only: caps the database at this many pages (SQLite's max_page_count), so
   * a test sees what a full disk does without filling one.
   */
  maxPageCount?: number;
}

/** Opens the connection and the schema; a file that is not a database is named. */
const openDatabase = (options: SqliteEventStoreOptions): DatabaseSync =>
  openingFile(options.path, () => {
    const db = new DatabaseSync(options.path);
    try {
      configureConnection(db, options.synchronous ?? 'NORMAL');
      applySchema(db);
      if (options.maxPageCount !== undefined) {
        db.exec(`PRAGMA max_page_count = ${Math.trunc(options.maxPageCount)}`);
      }
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  });

/**
 * Opens (creating when missing) an event store in a SQLite file. Several processes
 * on one host may open the same file: writes serialise on SQLite's write lock.
 * A full disk or a disk I/O error fails the call with UNAVAILABLE: nothing was
 * stored, and the same call succeeds once the disk is fixed.
 */
export function openSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  if (options.path !== ':memory:') {
    mkdirSync(dirname(options.path), { recursive: true });
  }
  const db = openDatabase(options);
  const st = prepareStatements(db);
  const checkpointer = startWalCheckpointer(db, BUSY_TIMEOUT_MS, options.checkpointIdleMs);

  /** Runs a statement, turning a failing disk into UNAVAILABLE. */
  const onDisk = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (!isDiskFailure(error)) throw error;
      throw unavailable(`the event store cannot be used: ${sqliteReason(error)}`);
    }
  };

  // node:sqlite is synchronous; the async methods keep the port adapter-neutral.
  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      const result = onDisk(() => appendInTransaction(db, st, streamId, events, expectedRevision));
      if (!result.duplicate) checkpointer.wrote();
      return result;
    },
    async readStream(streamId, options) {
      const read = streamRead(options);
      const limit = read.limit ?? -1;
      const rows = onDisk(() =>
        read.backwards
          ? st.readStreamBackwards.all(
              streamId,
              read.fromRevision ?? Number.MAX_SAFE_INTEGER,
              limit,
            )
          : st.readStream.all(streamId, read.fromRevision ?? 0, limit),
      ) as unknown as EventRow[];
      return rows.map(toStoredEvent);
    },
    async readAll({ after, limit }) {
      // SQLite reads a negative LIMIT as "no limit"; a caller asking for that is a bug.
      if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(after)) {
        throw new Error(`readAll: after ${after} and limit ${limit} must be whole, limit >= 0`);
      }
      const rows = onDisk(() => st.readAll.all(after, limit) as unknown as EventRow[]);
      return rows.map(toStoredEvent);
    },
    async lastPosition() {
      return onDisk(() => (st.lastPosition.get() as { position: number }).position);
    },
    async ping() {
      onDisk(() => st.ping.get());
    },
    async close() {
      if (!db.isOpen) return;
      // The database file then holds the whole log, even with other connections open.
      checkpointer.close();
      db.close();
    },
  };
}
