import type { LeaseStore } from '../lease/port.ts';

/** What runs only on the node holding the lease: begun when it is won, ended when it is lost. */
export interface LeaderRole {
  /**
   * Begins leading under the lease's `term` (its fencing token), which the role
   * hands to the stores it commits to; absent without an election. A lease held
   * again under a new term ends the role and begins it anew.
   */
  lead(term?: number): Promise<void> | void;
  standDown(): Promise<void> | void;
}

/** One role's campaign for its lease (see `createLeadership`). */
export interface Leadership {
  /** True while this node holds the lease and the time it was granted for has not run out. */
  holding(): boolean;
  /**
   * Starts campaigning: `role` leads while the lease is held, on this node only.
   * Answers at once; without an election, once the role has begun leading.
   */
  start(role: LeaderRole): Promise<void>;
  /** One round: take or renew the lease, then lead or stand down. Answers `holding()`. */
  tick(): Promise<boolean>;
  /** Stops campaigning, stands the role down and gives the lease up for a standby. */
  stop(): Promise<void>;
}

/** Runs `work` after `ms`; answers a function that cancels it. */
export type Schedule = (work: () => void, ms: number) => () => void;

export interface LeadershipOptions {
  store: LeaseStore;
  /** The lease's name: `projector`, `clock`, `audit`. */
  name: string;
  /** This node's claim: node id and instance, unique per process. */
  holder: string;
  ttlMs: number;
  /** How often to renew (or, on a standby, to try): a third of the TTL leaves two retries. */
  renewMs: number;
  logger: { info(message: string): void; warn(message: string): void };
  /** A monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
  schedule?: Schedule;
}

const timers: Schedule = (work, ms) => {
  const timer = setTimeout(work, ms);
  return () => clearTimeout(timer);
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Campaigns for one lease and runs a role only while holding it. The holder's
 * own deadline is counted from before it asked, so it stands down no later than
 * any other node may take over; a store that stops answering costs the lease
 * when that deadline passes, not before.
 */
export const createLeadership = (options: LeadershipOptions): Leadership => {
  const { store, name, holder, ttlMs, logger } = options;
  const now = options.now ?? (() => performance.now());
  const schedule = options.schedule ?? timers;
  let role: LeaderRole | null = null;
  /** Whether the role should lead now: set at once, while `role` begins or ends in turn. */
  let leading = false;
  /** Whether the role last began (true) or ended (false), and under which term. */
  let led = false;
  let ledTerm: number | undefined;
  let deadline = 0;
  /** The term of the lease last granted: the one the role leads under. */
  let term: number | undefined;
  /** The store granted the lease at the last answer: a clean stop gives it back. */
  let granted = false;
  let stopped = false;
  let lastError: string | null = null;
  let cancelTick = () => {};
  let cancelExpiry = () => {};
  let ticking: Promise<boolean> = Promise.resolve(false);
  let changes: Promise<void> = Promise.resolve();

  const holding = () => leading && now() < deadline;

  /**
   * Leads or stands down, one change after the other; a failing role is logged,
   * not fatal. `leading` changes at once, so `holding()` answers for the lease
   * while the role is still beginning (a long first catch-up): renewals go on
   * meanwhile, and a catch-up that asks `holding()` stops when the lease is lost.
   */
  const become = (lead: boolean): Promise<void> => {
    if (role) leading = lead;
    changes = changes.then(async () => {
      const current = role;
      if (!current || lead !== leading) return;
      // A role that began under an earlier term ends before it begins again.
      if (led && (!lead || ledTerm !== term)) {
        led = false;
        await change('standing down', () => current.standDown());
      }
      if (lead && !led) {
        led = true;
        ledTerm = term;
        await change('leading', () => current.lead(ledTerm));
      }
    });
    return changes;
  };

  const change = async (what: string, work: () => Promise<void> | void) => {
    try {
      await work();
    } catch (error) {
      logger.warn(`lease ${name}: ${what} failed: ${messageOf(error)}`);
    }
  };

  const armExpiry = () => {
    cancelExpiry();
    cancelExpiry = schedule(() => {
      if (!leading || now() < deadline) return;
      logger.warn(`lease ${name}: not renewed in time; standing down`);
      void become(false);
    }, deadline - now());
  };

  const unreachable = async (error: unknown) => {
    const message = messageOf(error);
    if (message !== lastError) {
      lastError = message;
      logger.warn(`lease ${name}: the lease store did not answer (${message}); retrying`);
    }
    if (!holding()) void become(false);
    return holding();
  };

  const round = async (): Promise<boolean> => {
    if (stopped) return false;
    const asked = now();
    let lease: Awaited<ReturnType<LeaseStore['acquire']>>;
    try {
      lease = await store.acquire(name, holder, ttlMs);
      lastError = null;
    } catch (error) {
      return unreachable(error);
    }
    granted = lease !== null;
    if (!lease) {
      if (leading) logger.warn(`lease ${name}: taken over by another node; standing down`);
      void become(false);
      return false;
    }
    deadline = asked + ttlMs;
    armExpiry();
    if (leading && lease.term !== term) {
      // Lapsed and taken again (another node may have held it between): the role's
      // work so far was under a term the stores now refuse; `become` begins it anew.
      logger.warn(`lease ${name}: held again under term ${lease.term}; leading anew`);
    }
    term = lease.term;
    if (!leading && !stopped) logger.info(`lease ${name}: taken by ${holder} (term ${lease.term})`);
    // Not awaited (nor is standing down): the role's work (a catch-up over a long
    // backlog) must not hold up the renewals.
    if (!stopped) void become(true);
    return holding();
  };

  const tick = (): Promise<boolean> => {
    ticking = ticking.then(round, round);
    return ticking;
  };

  /** Ticks every `renewMs`, each after the last has finished. */
  const loop = (ms: number) => {
    cancelTick = schedule(() => {
      void tick().finally(() => {
        if (!stopped) loop(options.renewMs);
      });
    }, ms);
  };

  return {
    holding,
    tick,
    async start(next) {
      role = next;
      loop(0);
    },
    async stop() {
      stopped = true;
      cancelTick();
      cancelExpiry();
      await ticking.catch(() => false);
      await become(false);
      if (!granted) return;
      await store.release(name, holder).catch((error: unknown) => {
        logger.warn(
          `lease ${name}: could not be released (${messageOf(error)}); it lapses instead`,
        );
      });
      logger.info(`lease ${name}: released by ${holder}`);
    },
  };
};

/** For one process running every role: always leading, nothing to elect. */
export const alwaysLeading = (): Leadership => {
  let role: LeaderRole | null = null;
  let leading = false;
  return {
    holding: () => leading,
    tick: async () => leading,
    async start(next) {
      role = next;
      leading = true;
      await next.lead();
    },
    async stop() {
      if (!leading) return;
      leading = false;
      await role?.standDown();
    },
  };
};
