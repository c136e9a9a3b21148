import type { EventStore } from '../event-store/port.ts';
import type { LeaderRole, Leadership } from '../leadership/leadership.ts';
import type { Ticker } from './ticker.ts';
import { startTicker } from './ticker.ts';

export interface FollowUnderLeaseOptions {
  /** The role's lease: only its holder is woken and polls. */
  leadership: Leadership;
  /**
   * Brings the follower to the end of the log (see `createLogFollower`); given
   * `proceed`, stops early once it answers false. `term` is the lease's, for the
   * stores to refuse once a later holder has committed.
   */
  catchUp: (proceed?: () => boolean, term?: number) => Promise<void>;
  /** Milliseconds between polls: a lost `appended` notification costs one poll, never an event. */
  pollMs: number;
  /** How long a wake-up waits for others to join it; 0: the rest of this turn of the event loop. */
  coalesceMs: number;
  onWakeError: (error: unknown) => void;
  onPollError: (error: unknown) => void;
  /**
   * The store followed: when it tells of appends itself (`onAppended`, e.g.
   * KurrentDB's live subscription, which hears other processes too), the
   * holder is woken by it as by an `appended` notification; polls go on.
   */
  eventStore?: Pick<EventStore, 'onAppended'>;
  /** More work of the same role, begun before the first catch-up and ended with the polls. */
  alongside?: LeaderRole;
}

/**
 * Runs a log follower on the node holding its lease: catches up when the lease is
 * won, then polls; catches up soon after each `appended` notification, and each
 * append the store tells of while the lease is held. Stands down when the lease
 * is lost, ending a poll of an earlier term.
 */
export const followUnderLease = (options: FollowUnderLeaseOptions) => {
  const { leadership, catchUp } = options;
  let polling: Ticker | null = null;
  let wakeScheduled = false;
  /** Raised at every change of leadership, so a turn's first catch-up starts no poll late. */
  let turn = 0;
  /** The lease term of the turn leading now (absent without an election). */
  let leaseTerm: number | undefined;

  /** Ends the store's notices of appends, listened to while leading. */
  let unlisten: (() => void) | undefined;

  const stopPolling = () => {
    polling?.stop();
    polling = null;
    unlisten?.();
    unlisten = undefined;
  };

  /**
   * Catching up for this turn, while the lease is held: a lost lease ends it
   * within a page, and a store refuses its commits once a later term committed.
   */
  const turnCatchUp = (mine: number) => () =>
    catchUp(() => turn === mine && leadership.holding(), leaseTerm);

  const role: LeaderRole = {
    async lead(term) {
      const mine = ++turn;
      leaseTerm = term;
      stopPolling();
      await options.alongside?.lead(term);
      try {
        await turnCatchUp(mine)();
      } catch (error) {
        // Logged and tried again at the next poll, as any later catch-up: a first
        // one that fails (a write refused, a store down) must not stop the node
        // from starting and answering reads.
        options.onPollError(error);
      } finally {
        if (turn === mine) {
          polling = startTicker(options.pollMs, turnCatchUp(mine), options.onPollError);
          unlisten = options.eventStore?.onAppended?.(wake);
        }
      }
    },
    async standDown() {
      turn++;
      stopPolling();
      await options.alongside?.standDown();
    },
  };

  /**
   * An `appended` notification. Wake-ups that come together share one catch-up:
   * under load one commit covers many events, not one each.
   */
  function wake(): void {
    if (!leadership.holding() || wakeScheduled) return;
    wakeScheduled = true;
    const run = () => {
      wakeScheduled = false;
      turnCatchUp(turn)().catch(options.onWakeError);
    };
    if (options.coalesceMs > 0) setTimeout(run, options.coalesceMs);
    else setImmediate(run);
  }

  return {
    wake,
    /** Starts campaigning; without an election, answers once the first catch-up is done. */
    start: (): Promise<void> => leadership.start(role),
    /** Stops campaigning: the polls end and the lease is given up for a standby. */
    stop: (): Promise<void> => leadership.stop(),
    holding: (): boolean => leadership.holding(),
  };
};

export type FollowingUnderLease = ReturnType<typeof followUnderLease>;
