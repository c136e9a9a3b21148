import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
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
  options: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<AuditDivergence | null> => {
  const pageSize = options.pageSize ?? 2000;
  const size = tree.size;
  let expected = 1;
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
      expected += 1;
    }
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  }
  return null;
};
