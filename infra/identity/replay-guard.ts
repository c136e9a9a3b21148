/**
 * The request ids of assertions seen and not yet expired: a second delivery
 * of one is a replay. Entries go once their assertion has expired (nothing
 * older can pass the expiry check), so the set holds at most the calls of
 * one assertion lifetime.
 */
export interface ReplayGuard {
  /** True the first time `rid` is offered before `exp`; false after. */
  firstSeen(rid: string, exp: number, now: number): boolean;
  size(): number;
}

export const createReplayGuard = (): ReplayGuard => {
  const seen = new Map<string, number>();
  let nextSweep = 0;
  const sweep = (now: number) => {
    // Insertion order is close to expiry order: stop at the first still alive.
    for (const [rid, exp] of seen) {
      if (exp >= now) break;
      seen.delete(rid);
    }
    nextSweep = now + 1000;
  };
  return {
    firstSeen(rid, exp, now) {
      if (now >= nextSweep) sweep(now);
      if (seen.has(rid)) return false;
      seen.set(rid, exp);
      return true;
    },
    size: () => seen.size,
  };
};
