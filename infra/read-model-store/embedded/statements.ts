import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** The statements whose SQL never changes, prepared once per connection. */
export interface Statements {
  get: StatementSync;
  /** Takes the ids as one JSON array, so any number of them fits one statement. */
  getMany: StatementSync;
  upsert: StatementSync;
  remove: StatementSync;
  keepVersion: StatementSync;
  /**
   * The last version on or before a day of each document of a collection: the
   * rows found in the (small) index alone, by SQLite's bare column of max(),
   * then only their documents read.
   */
  versionsAsOf: StatementSync;
  /** The position and the highest lease term (null: none) of one projector. */
  getCheckpoint: StatementSync;
  /** Moves the position; keeps the higher of the stored term and the one given (null: none). */
  setCheckpoint: StatementSync;
  ping: StatementSync;
}

/** Prepares the fixed statements; the tables must exist. */
export function prepareStatements(db: DatabaseSync): Statements {
  return {
    get: db.prepare('SELECT doc FROM documents WHERE collection = ? AND id = ?'),
    getMany: db.prepare(
      'SELECT id, doc FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?))',
    ),
    upsert: db.prepare(
      `INSERT INTO documents (collection, id, doc) VALUES (?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`,
    ),
    remove: db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
    keepVersion: db.prepare(
      `INSERT INTO versions (collection, id, day, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection, id, day) DO UPDATE SET doc = excluded.doc`,
    ),
    versionsAsOf: db.prepare(
      `SELECT versions.doc FROM (
         SELECT rowid AS found, id, max(day) FROM versions
         WHERE collection = ? AND day <= ? GROUP BY id
       ) AS latest JOIN versions ON versions.rowid = latest.found`,
    ),
    getCheckpoint: db.prepare('SELECT position, term FROM checkpoints WHERE projector_id = ?'),
    // max() of two arguments is NULL when either is: a commit without a term keeps the one kept.
    setCheckpoint: db.prepare(
      `INSERT INTO checkpoints (projector_id, position, term) VALUES (?, ?, ?)
       ON CONFLICT (projector_id) DO UPDATE SET position = excluded.position,
         term = coalesce(max(checkpoints.term, excluded.term), checkpoints.term, excluded.term)`,
    ),
    ping: db.prepare('SELECT 1'),
  };
}
