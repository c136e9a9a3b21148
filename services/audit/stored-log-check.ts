import type { WriteKey } from '../../domain/transparency/written-event.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { StoreConfig } from '../../infra/stores/stores.ts';
import { findAlteredEvent } from './self-check.ts';
import { checkInWorker, inWorkerOrHere, type SelfCheck } from './self-check-in-worker.ts';
import type { TreeStore } from './tree-store.ts';
import { createWriteCheck } from './write-check.ts';

export interface StoredLogCheckOptions {
  eventStore: EventStore;
  /** The write keys each event's MAC is checked with. */
  writers: ReadonlyMap<string, WriteKey>;
  /** `<DATA_DIR>/audit.sqlite`, or ':memory:'. */
  auditDatabasePath: string;
  /** The stores as configured, for a worker thread to open; absent: the checks run in this thread. */
  stores?: StoreConfig;
  /** Ends a check under way (the service stopping). */
  signal: AbortSignal;
  warn: (message: string) => void;
}

/**
 * The check of the stored log against the audit index (`findAlteredEvent`,
 * with each event's write MAC): in a worker thread of its own where the index
 * is a file and the stores are given, else, or when the worker could not check,
 * in this thread, a page at a time. `idle` waits for the checks under way to
 * end (a worker given up ends once its thread is gone): the service stops
 * only then, so no check opens a store after it was closed or removed.
 */
export const createStoredLogCheck = (options: StoredLogCheckOptions) => {
  const running = new Set<Promise<unknown>>();
  const tracked = <T>(check: Promise<T>): Promise<T> => {
    running.add(check);
    const done = () => running.delete(check);
    check.then(done, done);
    return check;
  };
  const checker = checkerOf(options);
  return {
    check: (check: SelfCheck, tree: TreeStore) => tracked(checker(check, tree)),
    idle: async () => {
      await Promise.allSettled([...running]);
    },
  };
};

const checkerOf = (options: StoredLogCheckOptions) => {
  const { eventStore, writers, signal } = options;
  const here = (check: SelfCheck, tree: TreeStore): Promise<AuditDivergence | null> =>
    findAlteredEvent(eventStore, tree, {
      from: check.from,
      to: check.to,
      signal,
      ...(check.writes
        ? {
            check: createWriteCheck(
              writers,
              check.writes.signedSoFar,
              check.writes.legacyUpTo,
              (position) => tree.leafOf(position),
            ),
          }
        : {}),
    });
  const stores = options.auditDatabasePath === ':memory:' ? undefined : options.stores;
  if (!stores) return here;
  const setup = {
    stores,
    auditDatabasePath: options.auditDatabasePath,
    writers: [...writers.values()],
  };
  return (check: SelfCheck, tree: TreeStore): Promise<AuditDivergence | null> =>
    inWorkerOrHere(
      () => checkInWorker(setup, check, { signal, warn: options.warn }),
      () => here(check, tree),
      options.warn,
      signal,
    );
};
