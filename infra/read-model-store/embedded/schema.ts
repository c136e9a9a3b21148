import type { DatabaseSync } from 'node:sqlite';
import { configureWal } from '../../sqlite/wal-checkpointer.ts';

/** Waits this long for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Sets the connection up and creates the tables when missing. busy_timeout comes
 * first so that switching to WAL, which needs a lock, waits for other processes.
 * synchronous NORMAL survives a killed process; a power cut may lose the last
 * commits, which a rebuild from the event log restores (read models are derived).
 */
export function prepareDatabase(db: DatabaseSync): void {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  configureWal(db);
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE TABLE IF NOT EXISTS versions (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      day TEXT NOT NULL,
      doc TEXT
    );
    CREATE UNIQUE INDEX IF NOT EXISTS versions_by_day ON versions (collection, id, day);
    CREATE TABLE IF NOT EXISTS checkpoints (
      projector_id TEXT PRIMARY KEY,
      position INTEGER NOT NULL
    );
  `);
}
