import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';

/** The data directory: `--data`, else DATA_DIR, else ./data, as the system itself reads it. */
export const dataDirOf = (option: string | undefined): string =>
  path.resolve(option || process.env.DATA_DIR || 'data');

/** The files of a data directory the audit commands read. */
export const dataFiles = (dataDir: string) => ({
  events: path.join(dataDir, 'events.sqlite'),
  audit: path.join(dataDir, 'audit.sqlite'),
  signingKey: process.env.AUDIT_SIGNING_KEY_FILE || path.join(dataDir, 'audit-signing-key.pem'),
  eventWriteKey: process.env.EVENT_WRITE_KEY_FILE || path.join(dataDir, 'event-write-key'),
});

/**
 * Opens the event store of a data directory for reading. Refuses a directory
 * without one rather than letting the adapter create an empty store there.
 */
export const openEventStoreAt = (file: string): EventStore => {
  if (!existsSync(file)) throw new Error(`no event store at ${file} (use --data DIR)`);
  return openSqliteEventStore({ path: file });
};
