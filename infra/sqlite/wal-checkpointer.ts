import type { DatabaseSync } from 'node:sqlite';

/**
 * WAL frames between automatic checkpoints (~8 MB at 4 KB pages). SQLite's 1000
 * cost single-event appends about a quarter of their throughput; 10,000 left
 * ~40 MB of the log in the -wal file, out of a copy of the database file.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 2000;

/** What a checkpoint leaves of the -wal file when it cannot truncate it to zero. */
export const WAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

/** Quiet time after the last write before the WAL is copied into the database file. */
export const DEFAULT_CHECKPOINT_IDLE_MS = 1000;

/** Sets the automatic checkpoint and the size a checkpointed -wal file shrinks to. */
export const configureWal = (db: DatabaseSync): void => {
  db.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
};

export interface WalCheckpointer {
  /** Call after each committed write: the checkpoint waits for writes to pause. */
  wrote(): void;
  /** Checkpoints now and stops; call before closing the connection. */
  close(): void;
}

/**
 * Copies the WAL into the database file and truncates it once writes pause, so
 * the database file holds the whole log when it is backed up or copied, and the
 * -wal file takes no disk between bursts. Under steady load the automatic
 * checkpoint bounds the WAL instead.
 */
export const startWalCheckpointer = (
  db: DatabaseSync,
  busyTimeoutMs: number,
  idleMs = DEFAULT_CHECKPOINT_IDLE_MS,
): WalCheckpointer => {
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const checkpoint = () => {
    timer = null;
    if (!db.isOpen || db.isTransaction) return;
    // TRUNCATE waits for other connections' readers through the busy handler, and
    // node:sqlite would block the event loop meanwhile: do not wait, try next pause.
    try {
      db.exec('PRAGMA busy_timeout = 0');
      const { busy } = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number };
      if (busy !== 0 && !closed) timer = setTimeout(checkpoint, idleMs).unref();
    } catch {
      // A failing disk is reported by the next write; nothing to add here.
    } finally {
      if (db.isOpen) db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    }
  };

  return {
    wrote() {
      if (closed) return;
      if (timer) timer.refresh();
      else timer = setTimeout(checkpoint, idleMs).unref();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      checkpoint();
    },
  };
};
