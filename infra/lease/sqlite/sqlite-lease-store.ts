import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Lease, LeaseStore } from '../port.ts';

export interface SqliteLeaseStoreOptions {
  /** `<DATA_DIR>/leases.sqlite`, or ':memory:'. */
  path: string;
  /**
   * Wall-clock milliseconds. Every process sharing the file runs on one host and
   * reads the same clock, so an expiry written by one is read right by the others.
   */
  now?: () => number;
}

/** Waits this long for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

const schema = `
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  term INTEGER NOT NULL,
  ttl_ms INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT`;

// One statement, so the check and the write are one atomic step: the update only
// happens for the holder itself or over a lapsed lease; otherwise no row comes back.
// The right-hand sides read the row as it was, so the term rises only on a takeover.
const acquireSql = `
INSERT INTO leases (name, holder, term, ttl_ms, expires_at)
VALUES (:name, :holder, 1, :ttl, :expires)
ON CONFLICT (name) DO UPDATE SET
  term = CASE WHEN leases.holder = excluded.holder THEN leases.term ELSE leases.term + 1 END,
  holder = excluded.holder,
  ttl_ms = excluded.ttl_ms,
  expires_at = excluded.expires_at
WHERE leases.holder = excluded.holder OR leases.expires_at <= :now
RETURNING name, holder, term, ttl_ms AS ttlMs`;

const open = (path: string): DatabaseSync => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(schema);
  return db;
};

const asLease = (row: unknown): Lease | null => (row ? ({ ...(row as Lease) } as Lease) : null);

/**
 * Leases in a SQLite file under DATA_DIR: for the nodes of one host sharing the
 * embedded stores (the multi-process tests, a district's single machine). A
 * released lease keeps its row with a lapsed expiry, so terms never go back.
 */
export const openSqliteLeaseStore = (options: SqliteLeaseStoreOptions): LeaseStore => {
  const now = options.now ?? Date.now;
  const db = open(options.path);
  const acquire = db.prepare(acquireSql);
  const release = db.prepare('UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ?');
  const current = db.prepare(
    'SELECT name, holder, term, ttl_ms AS ttlMs FROM leases WHERE name = ? AND expires_at > ?',
  );
  return {
    async acquire(name, holder, ttlMs) {
      const at = now();
      return asLease(acquire.get({ name, holder, ttl: ttlMs, expires: at + ttlMs, now: at }));
    },
    async release(name, holder) {
      release.run(name, holder);
    },
    async current(name) {
      return asLease(current.get(name, now()));
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
};
