import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** The statements whose SQL never changes, prepared once per connection. */
export interface Statements {
  get: StatementSync;
  /** Takes the ids as one JSON array, so any number of them fits one statement. */
  getMany: StatementSync;
  upsert: StatementSync;
  remove: StatementSync;
  getCheckpoint: StatementSync;
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
    getCheckpoint: db.prepare('SELECT position FROM checkpoints WHERE projector_id = ?'),
    setCheckpoint: db.prepare(
      `INSERT INTO checkpoints (projector_id, position) VALUES (?, ?)
       ON CONFLICT (projector_id) DO UPDATE SET position = excluded.position`,
    ),
    ping: db.prepare('SELECT 1'),
  };
}
