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
      position INTEGER NOT NULL,
      term INTEGER
    );
  `);
  addTermColumn(db);
}

/**
 * Gives a file made before commits were fenced its column for the highest lease
 * term (NULL: none seen yet). Under the write lock, so two processes opening
 * the same file add it once.
 */
function addTermColumn(db: DatabaseSync): void {
  const hasTerm = () =>
    (db.prepare('PRAGMA table_info(checkpoints)').all() as { name: string }[]).some(
      (column) => column.name === 'term',
    );
  if (hasTerm()) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    if (!hasTerm()) db.exec('ALTER TABLE checkpoints ADD COLUMN term INTEGER');
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
