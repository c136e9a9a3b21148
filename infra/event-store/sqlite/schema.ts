import type { DatabaseSync } from 'node:sqlite';
import { configureWal } from '../../sqlite/wal-checkpointer.ts';

/** Durability of a commit: NORMAL survives a killed process, FULL also a power cut. */
export type SynchronousMode = 'NORMAL' | 'FULL';

/** Waits this long for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Sets the per-connection pragmas. busy_timeout comes first so that switching to
 * WAL, which needs a lock, waits for other processes instead of failing.
 */
export function configureConnection(db: DatabaseSync, synchronous: SynchronousMode): void {
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new Error(`synchronous must be NORMAL or FULL, not ${synchronous}`);
  }
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // SQLite answers with the mode it ended up in rather than failing; an in-memory
  // database stays 'memory', anything else means the file cannot be shared safely.
  const { journal_mode: mode } = db.prepare('PRAGMA journal_mode = WAL').get() as {
    journal_mode: string;
  };
  if (mode !== 'wal' && mode !== 'memory') {
    throw new Error(`could not switch the event store to WAL (journal mode is ${mode})`);
  }
  db.exec(`PRAGMA synchronous = ${synchronous}`);
  // Each single-event commit touches several pages: see configureWal for the
  // checkpoint interval that balances throughput against what the -wal file holds.
  configureWal(db);
}

// The position is given explicitly (max + 1 inside the write transaction) rather
// than left to the rowid allocator, so that the log has no gaps and a reader paging
// by position never skips an event that commits later.
const createTable = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 0),
  event_id    TEXT    NOT NULL UNIQUE,
  type        TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
)`;

// UNIQUE (stream_id, revision) already gives the index a stream read walks; the
// triggers make the log append-only for every connection, not just this adapter.
// The insert guard also stops INSERT OR REPLACE, whose implicit delete would not
// fire the delete trigger, and any write that would leave a gap.
const createTriggers = `
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER IF NOT EXISTS events_append_only_insert BEFORE INSERT ON events
WHEN NEW.position IS NOT (SELECT COALESCE(MAX(position), 0) + 1 FROM events)
  OR NEW.revision IS NOT
    (SELECT COALESCE(MAX(revision), -1) + 1 FROM events WHERE stream_id = NEW.stream_id)
  OR EXISTS (SELECT 1 FROM events WHERE event_id = NEW.event_id)
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: position, revision or id out of sequence');
END;
`;

/** Creates the table and triggers when missing; safe to run from several processes. */
export function applySchema(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(createTable);
    db.exec(createTriggers);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
