import { type WriteKey, writerProblem } from '../../domain/transparency/written-event.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { TreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import type { TreeStore } from './tree-store.ts';

/**
 * Checks that each event the audit indexes was written by the system: its MAC
 * verifies under the write key. Events written before writes were authenticated
 * pass: those of leaves up to `legacyUpTo`, as the signed heads say it (`leafOf`
 * gives an indexed event's leaf; on a dense log the leaf is the position); while no head says
 * it yet, those before the log's first authenticated event (`signedSoFar`:
 * whether the log held one before the first event checked). Any other event
 * without a MAC is a row someone put into the store by hand.
 */
export const createWriteCheck = (
  keys: ReadonlyMap<string, WriteKey>,
  signedSoFar: boolean,
  legacyUpTo: number | null = null,
  leafOf: (position: number) => number | null = (position) => position,
) => {
  let signed = signedSoFar;
  return (event: StoredEvent): AuditDivergence | null => {
    const problem = writerProblem(event, keys);
    if (problem === 'unsigned') {
      const legacy =
        legacyUpTo === null
          ? !signed
          : (leafOf(event.position) ?? Number.POSITIVE_INFINITY) <= legacyUpTo;
      return !legacy
        ? {
            position: event.position,
            what: `${event.type} in ${event.streamId} carries no write MAC: the system did not write it`,
          }
        : null;
    }
    signed = true;
    return problem === null
      ? null
      : { position: event.position, what: `${event.type} in ${event.streamId}: ${problem}` };
  };
};

export type WriteCheck = ReturnType<typeof createWriteCheck>;

/** The first of `events` the system did not write, or null. */
export const firstForged = (
  check: WriteCheck,
  events: readonly StoredEvent[],
): AuditDivergence | null => {
  for (const event of events) {
    const found = check(event);
    if (found) return found;
  }
  return null;
};

/** What the write check needs of the audit tree: its leaves and their events' positions. */
type IndexedLeaves = Pick<TreeStore, 'size' | 'position' | 'positions' | 'leafOf'>;

/** The event of leaf `leaf`: read at its position, or counted on from the tree's end when beyond it. */
const eventOfLeaf = async (
  store: EventStore,
  tree: IndexedLeaves,
  leaf: number,
): Promise<StoredEvent | undefined> => {
  if (leaf <= tree.size) {
    const [position] = tree.positions(leaf, 1);
    // Positions are whole numbers: the first event after `position - 1` is the one at `position`.
    const [event] = await store.readAll({ after: position! - 1, limit: 1 });
    return event?.position === position ? event : undefined;
  }
  let event: StoredEvent | undefined;
  for (let after = tree.position, left = leaf - tree.size; left > 0; ) {
    const page = await store.readAll({ after, limit: Math.min(2000, left) });
    if (page.length === 0) return undefined;
    event = page.at(-1);
    left -= page.length;
    after = event!.position;
  }
  return event;
};

/** Whether the event of leaf `leaf` carries a write MAC (false before leaf 1). */
export const signedAt = async (
  store: EventStore,
  tree: IndexedLeaves,
  leaf: number,
): Promise<boolean> => {
  if (leaf <= 0) return false;
  const event = await eventOfLeaf(store, tree, leaf);
  return event?.metadata.writer !== undefined;
};

/**
 * The first event written behind the system's back among those indexed after
 * the last signed head (leaf `from`, exclusive) up to the tree's end: what a restart must
 * check again, since no head vouches for them yet.
 */
const firstForgedBetween = async (
  store: EventStore,
  check: WriteCheck,
  tree: IndexedLeaves,
  from: number,
): Promise<AuditDivergence | null> => {
  if (from >= tree.size) return null;
  const to = tree.position;
  for (let after = from === 0 ? 0 : tree.positions(from, 1)[0]!; after < to; ) {
    const page = (await store.readAll({ after, limit: 500 })).filter((e) => e.position <= to);
    if (page.length === 0) return null;
    const found = firstForged(check, page);
    if (found) return found;
    after = page.at(-1)!.position;
  }
  return null;
};

/**
 * The write check as the audit resumes it at start: from the last signed head
 * (every event under it was checked before it was signed), the events indexed
 * since checked again, as no head vouches for them yet.
 */
export const resumeWriteCheck = async (
  store: EventStore,
  audit: { heads: TreeHeadIndex; tree: IndexedLeaves },
  keys: ReadonlyMap<string, WriteKey>,
): Promise<{ check: WriteCheck; forged: AuditDivergence | null }> => {
  await audit.heads.refresh();
  const headSize = audit.heads.latest()?.head.treeSize ?? 0;
  const legacyUpTo = audit.heads.legacyUpTo();
  const check = createWriteCheck(
    keys,
    legacyUpTo !== null || (await signedAt(store, audit.tree, headSize)),
    legacyUpTo,
    (position) => audit.tree.leafOf(position),
  );
  return { check, forged: await firstForgedBetween(store, check, audit.tree, headSize) };
};
