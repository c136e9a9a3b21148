import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { EventStore } from '../port.ts';
import { appendInTransaction } from './append.ts';
import { type EventRow, toStoredEvent } from './rows.ts';
import { applySchema, configureConnection, type SynchronousMode } from './schema.ts';
import { prepareStatements } from './statements.ts';

/** Where the embedded store lives and how hard each commit hits the disk. */
export interface SqliteEventStoreOptions {
  /** File path, or ':memory:' for a private store that dies with the process. */
  path: string;
  /** NORMAL (default) survives a killed process; FULL also survives a power cut. */
  synchronous?: SynchronousMode;
}

/**
 * Opens (creating when missing) an event store in a SQLite file. Several processes
 * on one host may open the same file: writes serialise on SQLite's write lock.
 */
export function openSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  if (options.path !== ':memory:') {
    mkdirSync(dirname(options.path), { recursive: true });
  }
  const db = new DatabaseSync(options.path);
  try {
    configureConnection(db, options.synchronous ?? 'NORMAL');
    applySchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const st = prepareStatements(db);

  // node:sqlite is synchronous; the async methods keep the port adapter-neutral.
  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      return appendInTransaction(db, st, streamId, events, expectedRevision);
    },
    async readStream(streamId, options = {}) {
      const from = options.fromRevision ?? 0;
      if (!Number.isInteger(from) || from < 0) {
        throw new Error(`readStream: fromRevision ${from} must be a whole number >= 0`);
      }
      return (st.readStream.all(streamId, from) as unknown as EventRow[]).map(toStoredEvent);
    },
    async readAll({ after, limit }) {
      // SQLite reads a negative LIMIT as "no limit"; a caller asking for that is a bug.
      if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(after)) {
        throw new Error(`readAll: after ${after} and limit ${limit} must be whole, limit >= 0`);
      }
      return (st.readAll.all(after, limit) as unknown as EventRow[]).map(toStoredEvent);
    },
    async lastPosition() {
      return (st.lastPosition.get() as { position: number }).position;
    },
    async ping() {
      st.ping.get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
