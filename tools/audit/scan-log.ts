import type { TreeHead } from '../../contracts/events/audit-events.ts';
import { eventLeafHash } from '../../domain/merkle/index.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { type CompactLeaves, compactLeaves } from './compact-tree.ts';
import { type FoundRotation, rotationOf } from './rotation.ts';
import { treeHeadOf } from './tree-head.ts';

/** A signed head as found in the log, with the position of the event that recorded it. */
export interface FoundHead {
  position: number;
  head: TreeHead;
}

/**
 * The whole log, read once: its leaves recomputed from the events, and its heads.
 * The log read is the embedded SQLite file, whose schema numbers events 1, 2, 3…
 * without gaps (an append out of sequence is refused): the event at position p is
 * leaf p − 1, and a position missing is an event deleted. A log whose positions
 * may have gaps (KurrentDB) cannot be checked so: a deletion leaves no hole there.
 */
export interface LogScan {
  /** Slot `position − 1` holds that event's leaf; a missing position leaves its slot unset. */
  leaves: CompactLeaves;
  /** The highest position in the log (0 when empty). */
  size: number;
  /** Number of events actually stored: less than `size` when some are missing. */
  count: number;
  heads: FoundHead[];
  /** The signing keys handed on, in log order. */
  rotations: FoundRotation[];
  /** Positions whose row the store could not read back (data or metadata not JSON). */
  unreadable: number[];
}

/** Events per read: large enough to amortise a query, small enough to keep memory flat. */
const PAGE_SIZE = 2000;

/**
 * Reads the whole log in global order, recomputing each event's leaf hash from
 * its canonical bytes and collecting the signed heads.
 */
export const scanLog = async (
  store: EventStore,
  /** Sees each event as it is read (the writer signatures are checked so). */
  onEvent?: (event: StoredEvent) => void,
): Promise<LogScan> => {
  // A snapshot: events appended while the scan runs are left to the next one.
  const last = await store.lastPosition();
  const leaves = compactLeaves(Math.max(1024, last));
  const heads: FoundHead[] = [];
  const rotations: FoundRotation[] = [];
  const unreadable: number[] = [];
  let count = 0;
  for (let after = 0; after < last; ) {
    const page = await readPage(store, after);
    if (page === 'unreadable') {
      unreadable.push(after + 1);
      after += 1;
      continue;
    }
    const events = page.filter((event) => event.position <= last);
    if (events.length === 0) break;
    for (const event of events) {
      onEvent?.(event);
      leaves.set(event.position - 1, eventLeafHash(event));
      const head = treeHeadOf(event);
      if (head) heads.push({ position: event.position, head });
      const rotation = rotationOf(event);
      if (rotation) rotations.push({ position: event.position, rotation });
    }
    count += events.length;
    after = events[events.length - 1]!.position;
  }
  const size = unreadable.length > 0 ? Math.max(leaves.size, unreadable.at(-1)!) : leaves.size;
  return { leaves, size, count, heads, rotations, unreadable };
};

/**
 * One page; when the store cannot parse a row of it (its JSON), the next row
 * alone, so one damaged row is named instead of stopping the scan: 'unreadable'
 * is the row after `after`, taken to be at position after + 1. Any other error
 * (a locked or broken file) is thrown.
 */
const readPage = async (
  store: EventStore,
  after: number,
): Promise<StoredEvent[] | 'unreadable'> => {
  try {
    return await store.readAll({ after, limit: PAGE_SIZE });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  try {
    return await store.readAll({ after, limit: 1 });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return 'unreadable';
  }
};

/** Every position in 1…size with no event, as runs [first, last]. */
export const missingRuns = (scan: LogScan): [number, number][] => {
  const runs: [number, number][] = [];
  if (scan.count === scan.size) return runs;
  for (let index = 0; index < scan.size; index++) {
    if (scan.leaves.has(index)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === index) last[1] = index + 1;
    else runs.push([index + 1, index + 1]);
  }
  return runs;
};
