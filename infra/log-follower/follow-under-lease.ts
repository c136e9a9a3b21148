import type { LeaderRole, Leadership } from '../leadership/leadership.ts';
import type { Ticker } from './ticker.ts';
import { startTicker } from './ticker.ts';

export interface FollowUnderLeaseOptions {
  /** The role's lease: only its holder is woken and polls. */
  leadership: Leadership;
  /**
   * Brings the follower to the end of the log (see `createLogFollower`); given
   * `proceed`, stops early once it answers false.
   */
  catchUp: (proceed?: () => boolean) => Promise<void>;
  /** Milliseconds between polls: a lost `appended` notification costs one poll, never an event. */
  pollMs: number;
  /** How long a wake-up waits for others to join it; 0: the rest of this turn of the event loop. */
  coalesceMs: number;
  onWakeError: (error: unknown) => void;
  onPollError: (error: unknown) => void;
  /** More work of the same role, begun before the first catch-up and ended with the polls. */
  alongside?: LeaderRole;
}

/**
 * Runs a log follower on the node holding its lease: catches up when the lease is
 * won, then polls; catches up soon after each `appended` notification. Stands
 * down when the lease is lost, ending a poll of an earlier term.
 */
export const followUnderLease = (options: FollowUnderLeaseOptions) => {
  const { leadership, catchUp } = options;
  let polling: Ticker | null = null;
  let wakeScheduled = false;
  /** Raised at every change of leadership, so a term's first catch-up starts no poll late. */
  let term = 0;

  const stopPolling = () => {
    polling?.stop();
    polling = null;
  };

  /** Catching up for this term, while the lease is held: a lost lease ends it within a page. */
  const termCatchUp = (mine: number) => () => catchUp(() => term === mine && leadership.holding());

  const role: LeaderRole = {
    async lead() {
      const mine = ++term;
      stopPolling();
      await options.alongside?.lead();
      try {
        await termCatchUp(mine)();
      } catch (error) {
        // Logged and tried again at the next poll, as any later catch-up: a first
        // one that fails (a write refused, a store down) must not stop the node
        // from starting and answering reads.
        options.onPollError(error);
      } finally {
        if (term === mine) {
          polling = startTicker(options.pollMs, termCatchUp(mine), options.onPollError);
        }
      }
    },
    async standDown() {
      term++;
      stopPolling();
      await options.alongside?.standDown();
    },
  };

  return {
    /**
     * An `appended` notification. Wake-ups that come together share one catch-up:
     * under load one commit covers many events, not one each.
     */
    wake(): void {
      if (!leadership.holding() || wakeScheduled) return;
      wakeScheduled = true;
      const run = () => {
        wakeScheduled = false;
        termCatchUp(term)().catch(options.onWakeError);
      };
      if (options.coalesceMs > 0) setTimeout(run, options.coalesceMs);
      else setImmediate(run);
    },
    /** Starts campaigning; without an election, answers once the first catch-up is done. */
    start: (): Promise<void> => leadership.start(role),
    /** Stops campaigning: the polls end and the lease is given up for a standby. */
    stop: (): Promise<void> => leadership.stop(),
    holding: (): boolean => leadership.holding(),
  };
};

export type FollowingUnderLease = ReturnType<typeof followUnderLease>;
