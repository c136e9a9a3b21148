import type { DatabaseSync } from 'node:sqlite';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import type { TreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { TreeStore } from './tree-store.ts';

export interface SigningScheduleOptions {
  db: DatabaseSync;
  tree: TreeStore;
  heads: TreeHeadIndex;
  /** Sign once this many events arrived since the last head… */
  signEvery: number;
}

/** Why a head would be signed now: enough events arrived, or the timer ran out. */
export type SigningReason = 'count' | 'time';

/**
 * When a head is due. Only events other than heads count: a head's own event is
 * a new leaf, and counting it would make every head call for the next one.
 */
export const createSigningSchedule = (options: SigningScheduleOptions) => {
  const pendingSince = options.db.prepare(
    'SELECT count(*) AS pending FROM history WHERE position > ? AND stream_id <> ?',
  );

  /** Events after the last signed head that are not heads themselves. */
  const pending = (): number => {
    const signed = options.heads.latest()?.head.treeSize ?? 0;
    if (options.tree.size <= signed) return 0;
    const after = signed === 0 ? 0 : options.tree.positions(signed, 1)[0]!;
    return (pendingSince.get(after, treeHeadStreamId) as { pending: number }).pending;
  };

  /** Whether a head is due for `reason`: the timer wants any growth, the count `signEvery`. */
  const due = (reason: SigningReason): boolean => {
    const needed = reason === 'count' ? options.signEvery : 1;
    const signed = options.heads.latest()?.head.treeSize ?? 0;
    // The leaves grown bound the pending events from above: skip the count when too few.
    if (options.tree.size - signed < needed) return false;
    return pending() >= needed;
  };

  return { due, pending };
};

export type SigningSchedule = ReturnType<typeof createSigningSchedule>;
