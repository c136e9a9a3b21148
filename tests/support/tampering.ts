import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * The event log of a stopped system's `dataDir` with its append-only triggers
 * dropped, as an intruder with the file would have it: the caller changes it
 * and closes it.
 */
export const openForTampering = (dataDir: string): DatabaseSync => {
  const db = new DatabaseSync(path.join(dataDir, 'events.sqlite'));
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all();
  for (const { name } of triggers as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
  return db;
};
