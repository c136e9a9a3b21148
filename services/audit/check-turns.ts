/**
 * The stored log's checks, one at a time: the whole log at start and on a
 * schedule, what was indexed since on another. A check asked while another
 * is under way waits for it, and learns where to start (`from`) only when its
 * turn comes: a tick during the start-up check of a long log then checks what
 * was indexed after it, not the whole log a second time beside it. A check
 * that fails does not stop the ones after it; once the service stops, none
 * that was waiting starts (its stores are being closed).
 */
export const createCheckTurns = (
  checkFrom: (from: number) => Promise<void>,
  /** Aborted when the service stops: a check whose turn comes after that starts none. */
  signal: AbortSignal,
) => {
  let last: Promise<void> = Promise.resolve();
  return (from: () => number): Promise<void> => {
    const turn = last.then(() => (signal.aborted ? undefined : checkFrom(from())));
    last = turn.catch(() => undefined);
    return turn;
  };
};
