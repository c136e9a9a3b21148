import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import type { TreeStore } from './tree-store.ts';

/**
 * The stored log against the leaves the audit index hashed when it indexed
 * them, from position 1 to the index's size, a page at a time (other work
 * runs between pages): the first event that no longer hashes to its leaf, a
 * position missing, or a log that ends too soon. Finds an edit, a deletion or
 * a swap anywhere in the log, where the start-up check reads only the last
 * event. Returns null when the log is as indexed.
 */
export const findAlteredEvent = async (
  eventStore: EventStore,
  tree: Pick<TreeStore, 'size' | 'leafHash'>,
  options: {
    pageSize?: number;
    signal?: AbortSignal;
    /** A check of each event besides its leaf (the write MAC): what it finds is named too. */
    check?: (event: StoredEvent) => AuditDivergence | null;
    /** The first position to check (default 1: the whole log). */
    from?: number;
  } = {},
): Promise<AuditDivergence | null> => {
  const pageSize = options.pageSize ?? 2000;
  const size = tree.size;
  let expected = Math.max(1, options.from ?? 1);
  while (expected <= size) {
    const page = await eventStore.readAll({
      after: expected - 1,
      limit: Math.min(pageSize, size - expected + 1),
    });
    if (page.length === 0) {
      return {
        position: expected,
        what: `the log ends before position ${expected}, which the audit index holds`,
      };
    }
    for (const event of page) {
      if (event.position !== expected) {
        return {
          position: expected,
          what: `position ${expected} is missing from the log (deleted)`,
        };
      }
      const indexed = tree.leafHash(expected);
      if (!indexed || !eventLeafHash(event).equals(indexed)) {
        return {
          position: expected,
          what: 'the event no longer hashes to the leaf the audit index holds (changed or replaced)',
        };
      }
      const checked = options.check?.(event);
      if (checked) return checked;
      expected += 1;
    }
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  }
  return null;
};

/** A signed head the index must agree with, and which it is (the latest signed, or witnessed). */
export interface HeadToMatch {
  head: { treeSize: number; rootHash: string };
  position: number;
  kind: 'signed' | 'witnessed';
}

/**
 * The audit index's tree against the heads given (the latest signed one and the
 * latest witnessed one): its root at each head's size must be the root the head
 * signed. An index rebuilt from a log altered under a head (audit.sqlite
 * deleted, the events rewritten) no longer is. Null when they agree.
 */
export const headsDisagreement = (
  heads: readonly HeadToMatch[],
  rootAt: (treeSize: number) => string | null,
): AuditDivergence | null => {
  for (const { head, position, kind } of heads) {
    const root = rootAt(head.treeSize);
    if (root !== null && root !== head.rootHash) {
      return {
        position: head.treeSize,
        what: `the log as indexed has another root at tree size ${head.treeSize} than the latest ${kind} head (at position ${position}): an event at or before position ${head.treeSize} was changed, removed or inserted`,
      };
    }
  }
  return null;
};
