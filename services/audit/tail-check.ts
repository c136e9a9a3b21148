import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { TreeStore } from './tree-store.ts';

/**
 * Whether the event store still holds, at the audit index's last position, the
 * event the index hashed: one read at start, cheap enough to do every time. A
 * store that ends earlier was truncated, one that hashes otherwise was altered,
 * both behind the system's back; `npm run audit:check` names the first altered
 * event. Returns what is wrong, or null.
 */
export const checkIndexedTail = async (
  eventStore: EventStore,
  tree: TreeStore,
): Promise<string | null> => {
  if (tree.size === 0) return null;
  const last = tree.position;
  // Positions are whole numbers: the first event after `last - 1` is the one at `last`, if kept.
  const [event] = await eventStore.readAll({ after: last - 1, limit: 1 });
  if (!event) {
    return `the event store ends before position ${last}, which the audit index holds: the log was truncated`;
  }
  const indexed = tree.leafHash(tree.size);
  if (!indexed || !eventLeafHash(event).equals(indexed)) {
    return `the event at position ${last} no longer hashes to the leaf the audit index holds: the log was altered`;
  }
  return null;
};
