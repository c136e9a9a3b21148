import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { createLogFollower } from '../../infra/log-follower/log-follower.ts';
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
 * Follows the event log into the audit index (see `createLogFollower`): the
 * position of the last event covered is the checkpoint, and the leaves (numbered
 * on from the tree's size), subtrees and history rows of a page commit with it.
 */
export const createAuditIndexer = (options: AuditIndexerOptions) => {
  const { tree } = options;
  return createLogFollower({
    eventStore: options.eventStore,
    batchSize: options.batchSize,
    checkpoint: {
      position: () => tree.position,
      take: (page, from) => {
        // Hashing happens before the write lock is taken, so other writers wait less.
        tree.appendPage(page.map(toAuditEntry), from);
        options.onPage?.(page);
      },
      moved: (error) => error instanceof TreeMovedError,
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
};

export type AuditIndexer = ReturnType<typeof createAuditIndexer>;
