import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import type { TreeStore } from './tree-store.ts';

/**
 * The stored log against the leaves the audit index hashed when it indexed
 * them, from leaf 1 to the index's size, a page at a time (other work runs
 * between pages): the first event that no longer hashes to its leaf, a
 * position missing, or a log that ends too soon. Finds an edit, a deletion or
 * a swap anywhere in the log, where the start-up check reads only the last
 * event. Returns null when the log is as indexed.
 */
export const findAlteredEvent = async (
  eventStore: EventStore,
  tree: Pick<TreeStore, 'size' | 'leafHash' | 'positions'>,
  options: {
    pageSize?: number;
    signal?: AbortSignal;
    /** A check of each event besides its leaf (the write MAC): what it finds is named too. */
    check?: (event: StoredEvent) => AuditDivergence | null;
    /** The first leaf to check (default 1: the whole log). */
    from?: number;
    /** The last leaf to check (default: the tree's size). */
    to?: number;
  } = {},
): Promise<AuditDivergence | null> => {
  const pageSize = options.pageSize ?? 2000;
  const size = Math.min(tree.size, options.to ?? Number.POSITIVE_INFINITY);
  let leaf = Math.max(1, options.from ?? 1);
  while (leaf <= size) {
    const count = Math.min(pageSize, size - leaf + 1);
    // The leaf before's position, and those of this page's leaves, as indexed.
    const [after, ...expected] =
      leaf === 1 ? [0, ...tree.positions(1, count)] : tree.positions(leaf - 1, count + 1);
    const page = await eventStore.readAll({ after: after!, limit: count });
    const found = pageDivergence(page, expected, leaf, tree, options.check);
    if (found) return found;
    leaf += count;
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  }
  return null;
};

/** The first event of a page read from the log that is not as leaves `leaf`… hold it. */
const pageDivergence = (
  page: readonly StoredEvent[],
  expected: readonly number[],
  leaf: number,
  tree: Pick<TreeStore, 'leafHash'>,
  check: ((event: StoredEvent) => AuditDivergence | null) | undefined,
): AuditDivergence | null => {
  for (const [k, position] of expected.entries()) {
    const event = page[k];
    if (!event) {
      return {
        position,
        what: `the log ends before position ${position}, which the audit index holds`,
      };
    }
    if (event.position !== position) {
      return { position, what: `position ${position} is missing from the log (deleted)` };
    }
    const indexed = tree.leafHash(leaf + k);
    if (!indexed || !eventLeafHash(event).equals(indexed)) {
      return {
        position,
        what: 'the event no longer hashes to the leaf the audit index holds (changed or replaced)',
      };
    }
    const checked = check?.(event);
    if (checked) return checked;
  }
  return null;
};

/** A signed head the index must agree with, and which it is (the latest signed, or witnessed). */
export interface HeadToMatch {
  head: { treeSize: number; rootHash: string };
  /** The global position of the event recording the head. */
  position: number;
  kind: 'signed' | 'witnessed';
}

/**
 * The audit index's tree against the heads given (the latest signed one and the
 * latest witnessed one): its root at each head's size must be the root the head
 * signed. An index rebuilt from a log altered under a head (audit.sqlite
 * deleted, the events rewritten) no longer is. Null when they agree. Which event
 * changed the root does not tell: the divergence names the last position the
 * head covers (`lastPositionOf` its tree size, from the index), the altered
 * event being at or before it. A tree size is a count of events, not a position:
 * on a log with gaps the two part.
 */
export const headsDisagreement = (
  heads: readonly HeadToMatch[],
  rootAt: (treeSize: number) => string | null,
  lastPositionOf: (treeSize: number) => number,
): AuditDivergence | null => {
  for (const { head, position, kind } of heads) {
    const root = rootAt(head.treeSize);
    if (root !== null && root !== head.rootHash) {
      const last = lastPositionOf(head.treeSize);
      return {
        position: last,
        what: `the log as indexed has another root at tree size ${head.treeSize} than the latest ${kind} head (recorded at position ${position}): one of the first ${head.treeSize} events, up to position ${last}, was changed, removed or inserted`,
      };
    }
  }
  return null;
};
