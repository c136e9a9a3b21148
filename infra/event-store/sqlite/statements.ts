import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Every statement the adapter runs, prepared once per connection. */
export interface Statements {
  begin: StatementSync;
  commit: StatementSync;
  rollback: StatementSync;
  findById: StatementSync;
  lastRevision: StatementSync;
  lastPosition: StatementSync;
  insert: StatementSync;
  readStream: StatementSync;
  readStreamBackwards: StatementSync;
  readAll: StatementSync;
  ping: StatementSync;
}

const columns =
  'position, stream_id, revision, event_id, type, version, data, metadata, recorded_at';

/** Prepares the statements; call after the schema exists. */
export function prepareStatements(db: DatabaseSync): Statements {
  return {
    // IMMEDIATE takes the write lock up front, so the revision check and the
    // insert see the same state even with other processes writing.
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    findById: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
    lastRevision: db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?'),
    lastPosition: db.prepare('SELECT COALESCE(MAX(position), 0) AS position FROM events'),
    insert: db.prepare(`INSERT INTO events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    // SQLite reads a negative LIMIT as "no limit".
    readStream: db.prepare(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    readStreamBackwards: db.prepare(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: db.prepare(
      `SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    ping: db.prepare('SELECT 1'),
  };
}
