import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { BUSY_TIMEOUT_MS } from './schema.ts';

/** The last leaf's position: from `leaf_positions`, or its number where it has no row (see tree-store.ts). */
const positionOfLast = (db: DatabaseSync, size: number): number => {
  const hasTable = db
    .prepare(
      "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'leaf_positions'",
    )
    .get();
  // An index written before the table existed was taken from a dense log: leaf n at position n.
  if (!hasTable) return size;
  const row = db.prepare('SELECT position FROM leaf_positions WHERE leaf = ?').get(size) as
    | { position: number }
    | undefined;
  return row?.position ?? size;
};

/**
 * The global position of the last event the audit index at `path` holds (0 when
 * it holds none), read without opening it for writing; null when there is no
 * index yet (or it cannot be read: the audit service reports that itself when it
 * opens the file).
 */
export const indexedPosition = (path: string): number | null => {
  if (path === ':memory:' || !existsSync(path)) return null;
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const row = db.prepare('SELECT tree_size AS size FROM checkpoint WHERE id = 1').get() as
      | { size: number }
      | undefined;
    return row ? positionOfLast(db, row.size) : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
};
