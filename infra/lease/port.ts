/**
 * A lease (租约): at most one holder of a named role (the projector, the clock,
 * the audit indexer) across every node, for a bounded time. The holder renews it
 * well before it lapses; a holder that stops renewing (killed, cut off) loses it
 * after its time to live, and another candidate takes it over.
 *
 * A lease cuts duplicate work; it is not what keeps the read models right. Two
 * holders for a moment (a paused process waking after its lease lapsed) still
 * apply nothing twice, because every writer behind a lease commits with a
 * compare-and-set on its own checkpoint. The term fences them too: the role is
 * given it when it begins leading (`LeaderRole.lead`), its commits carry it, and
 * the read-model checkpoints and the tree-head stream refuse a term older than
 * the highest they have recorded, so the holder that slept commits nothing once
 * its successor has.
 */
export interface Lease {
  name: string;
  holder: string;
  /**
   * Raised by one each time the lease passes to another holder (a fencing token):
   * a renewal keeps it, a takeover raises it. Checked by the stores the holder
   * commits to (see `CheckpointCommit.term`, `TreeHead.leaseTerm`).
   */
  term: number;
  /** Milliseconds the holder asked for; it must renew before they run out. */
  ttlMs: number;
}

export interface LeaseStore {
  /**
   * Takes the lease `name` for `holder` for `ttlMs` from now when it is free,
   * has lapsed, or is already held by `holder` (a renewal). A compare-and-set:
   * of two candidates racing for a free lease exactly one wins. Answers the lease
   * now held, or null while another holder's lease is still running.
   */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null>;
  /** Gives the lease up at once when `holder` holds it, so a standby need not wait. */
  release(name: string, holder: string): Promise<void>;
  /** The current holder's lease while it runs; null when free, released or lapsed. */
  current(name: string): Promise<Lease | null>;
  close(): Promise<void>;
}

/** The roles that run on exactly one node at a time. */
export const leaseNames = ['projector', 'clock', 'audit', 'notifier'] as const;
export type LeaseName = (typeof leaseNames)[number];
