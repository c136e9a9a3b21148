import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { toAuditEntry } from './audit-entry.ts';
import type { TreeStore } from './tree-store.ts';
import { TreeMovedError } from './tree-store.ts';

export interface AuditIndexerOptions {
  eventStore: EventStore;
  tree: TreeStore;
  /** Events per page: one read of the log, one transaction of the audit index. */
  batchSize: number;
  /** Called after each committed page with its events. */
  onPage?: (events: readonly StoredEvent[]) => void;
  /** Called when a catch-up started on its own (a late wake-up) fails; the next poll retries. */
  onError?: (error: unknown) => void;
}

/**
 * Brings the audit index up to the end of the event log, page by page from its
 * checkpoint, like the projector: leaves, subtrees and history rows of a page
 * commit with the checkpoint. One catch-up runs at a time; a wake that arrives
 * during a run makes it go round once more.
 */
export const createAuditIndexer = (options: AuditIndexerOptions) => {
  let running: Promise<void> | null = null;
  let again = false;

  /** Indexes one page; returns how many events it covered. */
  const step = async (): Promise<number> => {
    const page = await options.eventStore.readAll({
      after: options.tree.size,
      limit: options.batchSize,
    });
    if (page.length === 0) return 0;
    // Hashing happens before the write lock is taken, so other writers wait less.
    options.tree.appendPage(page.map(toAuditEntry));
    options.onPage?.(page);
    return page.length;
  };

  const drain = async () => {
    do {
      again = false;
      try {
        while ((await step()) > 0) {}
      } catch (error) {
        // Another writer moved the checkpoint first: read from where it is now.
        if (!(error instanceof TreeMovedError)) throw error;
        again = true;
      }
    } while (again);
  };

  /** Catches up to the end of the log; joining a run waits for the round it asked for. */
  const catchUp = (): Promise<void> => {
    if (running) {
      again = true;
      return running.then(() => running ?? undefined);
    }
    running = drain().finally(() => {
      running = null;
      // A wake that came after the last look at the log must not wait for the poll.
      if (again) catchUp().catch((error: unknown) => options.onError?.(error));
    });
    return running;
  };

  return { catchUp, step };
};

export type AuditIndexer = ReturnType<typeof createAuditIndexer>;
