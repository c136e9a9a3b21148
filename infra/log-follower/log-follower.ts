import type { EventStore, StoredEvent } from '../event-store/port.ts';

/**
 * Where a follower of the log keeps its place, and what it does with a page.
 * The checkpoint is a compare-and-set: two followers of one checkpoint (two
 * nodes, or a query catching up beside the lease holder) never take an event twice.
 */
export interface FollowerCheckpoint {
  /** Position of the last event taken, 0 before the first; read again before every page. */
  position(): number | Promise<number>;
  /**
   * Takes a page of the log, in order, and moves the checkpoint from `from` to the
   * page's last position in the same commit; throws an error `moved` recognises
   * when another follower moved the checkpoint first. `term`: the lease term the
   * catch-up runs under, to commit with (absent: not fenced).
   */
  take(page: readonly StoredEvent[], from: number, term?: number): void | Promise<void>;
  /** Whether an error says the checkpoint moved under this follower. */
  moved(error: unknown): boolean;
}

export interface LogFollowerOptions {
  eventStore: EventStore;
  checkpoint: FollowerCheckpoint;
  /** Events per page: one read of the log, one commit of the checkpoint. */
  batchSize: number;
  /** Called when a catch-up started on its own (a late wake-up) fails; the next poll retries. */
  onError?: (error: unknown) => void;
}

/** The later of two lease terms, either of which may be absent. */
const later = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * Follows the global log from a checkpoint, page by page, to its end. One
 * catch-up runs at a time; a wake that arrives during a run makes it go round
 * once more, so nothing appended before the wake waits for the next poll.
 */
export const createLogFollower = (options: LogFollowerOptions) => {
  const { eventStore, checkpoint, batchSize } = options;
  let running: Promise<void> | null = null;
  let again = false;
  /** Asked before each page of the catch-up running now: false ends it (its lease was lost). */
  let proceed: () => boolean = () => true;
  /**
   * The lease term the catch-up running now commits under: the one it was asked
   * under, or a later one a caller joining it gave; absent: not fenced.
   */
  let term: number | undefined;

  /** Takes one page; returns how many events it covered. */
  const step = async (): Promise<number> => {
    const from = await checkpoint.position();
    const page = await eventStore.readAll({ after: from, limit: batchSize });
    if (page.length === 0) return 0;
    await checkpoint.take(page, from, term);
    return page.length;
  };

  const drain = async () => {
    do {
      if (again) proceed = () => true;
      again = false;
      try {
        while (proceed() && (await step()) > 0) {}
      } catch (error) {
        // Another follower moved the checkpoint first: read it again and go on.
        if (!checkpoint.moved(error)) throw error;
        again = true;
      }
    } while (again);
  };

  /**
   * Catches up to the end of the log, or, given `proceeding`, until it answers
   * false before a page (a leader whose lease ran out stops within one page).
   * Given `underTerm`, its commits carry that lease term.
   * Joining a catch-up already running waits for the round this call asked for
   * too, so the answer never comes before it; that round goes to the end.
   */
  const catchUp = (proceeding?: () => boolean, underTerm?: number): Promise<void> => {
    if (running) {
      again = true;
      term = later(term, underTerm);
      return running.then(() => running ?? undefined);
    }
    proceed = proceeding ?? (() => true);
    term = underTerm;
    running = drain().finally(() => {
      running = null;
      // A wake that came after the last look at the log must not wait for the poll.
      if (again) catchUp(undefined, term).catch((error: unknown) => options.onError?.(error));
    });
    return running;
  };

  return { catchUp, step };
};

export type LogFollower = ReturnType<typeof createLogFollower>;
