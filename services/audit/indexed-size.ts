import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { BUSY_TIMEOUT_MS } from './schema.ts';

/**
 * The tree size the audit index at `path` holds, read without opening it for
 * writing; null when there is no index yet (or it cannot be read: the audit
 * service reports that itself when it opens the file).
 */
export const indexedTreeSize = (path: string): number | null => {
  if (path === ':memory:' || !existsSync(path)) return null;
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const row = db.prepare('SELECT tree_size AS size FROM checkpoint WHERE id = 1').get() as
      | { size: number }
      | undefined;
    return row?.size ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
};
