import type { KurrentLog, LogRecord, LogSubscription } from './kurrent-log.ts';
import { ownStreamOf } from './log-pages.ts';
import type { LogPosition } from './log-position.ts';
import { positionOfRecord } from './records.ts';
import type { StreamNaming } from './stream-names.ts';

export interface AppendedWatchOptions {
  /** Milliseconds before the first re-subscription after a drop; doubled up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
}

type Listener = (position: number) => void;

/**
 * The store's `onAppended`: one live subscription to `$all` for all its
 * listeners, from the end of the log, with the store's server-side filter;
 * begun with the first listener, ended with the last one and on `close`. Each
 * of the store's events it sees, from any process, is told to every listener;
 * other records (other prefixes, system events, tombstones) are not, but their
 * positions, and the server's checkpoints, are where a dropped subscription
 * resumes, after a backoff, so that what was appended meanwhile is still heard
 * (dropped before it saw any, it starts from the end again and tells the
 * listeners to look once).
 */
export class AppendedWatch {
  readonly #log: KurrentLog;
  readonly #naming: StreamNaming;
  readonly #options: AppendedWatchOptions;
  readonly #listeners = new Set<{ listener: Listener }>();
  /** The subscription now, if any; after a drop, `#retry` times the next attempt. */
  #subscription: LogSubscription | undefined;
  /** Tells the subscription running now from earlier ones. */
  #token: symbol | undefined;
  #retry: NodeJS.Timeout | undefined;
  #delay: number;
  /** Where the last subscription got to: a re-subscription resumes after it. */
  #resumeAt: LogPosition | undefined;
  /** The highest position of the store's events seen, 0 before the first. */
  #highest = 0;
  #closed = false;

  constructor(log: KurrentLog, naming: StreamNaming, options: AppendedWatchOptions) {
    this.#log = log;
    this.#naming = naming;
    this.#options = options;
    this.#delay = options.retryMs;
  }

  /** Adds a listener (see the port's `onAppended`); returns its removal. */
  listen(listener: Listener): () => void {
    // A closed store has nothing more to tell.
    if (this.#closed) return () => undefined;
    const entry = { listener };
    this.#listeners.add(entry);
    if (this.#listeners.size === 1) this.#subscribe();
    return () => {
      if (this.#listeners.delete(entry) && this.#listeners.size === 0) this.#stop();
    };
  }

  /** Ends the subscription for good. */
  close(): void {
    this.#closed = true;
    this.#listeners.clear();
    this.#stop();
  }

  #subscribe(): void {
    const token = Symbol('subscription');
    this.#token = token;
    // Reports of a subscription stopped or dropped before (late ones) are not heard.
    const mine = () => this.#token === token;
    this.#subscription = this.#log.subscribeAll(this.#resumeAt ?? 'end', {
      record: (record) => {
        if (mine()) this.#seen(record);
      },
      checkpoint: (position) => {
        if (mine()) this.#reached(position);
      },
      dropped: () => {
        if (mine()) this.#dropped();
      },
    });
  }

  #seen(record: LogRecord): void {
    if (record.position !== undefined) this.#reached(record.position);
    if (ownStreamOf(this.#naming, record) === undefined) return;
    try {
      this.#highest = Math.max(this.#highest, positionOfRecord(record));
    } catch {
      // No position the port can carry: `readAll` says why; the listeners are told anyway.
    }
    this.#tell();
  }

  #tell(): void {
    for (const { listener } of [...this.#listeners]) listener(this.#highest);
  }

  #reached(position: LogPosition): void {
    this.#delay = this.#options.retryMs;
    if (this.#resumeAt === undefined || position.commit > this.#resumeAt.commit) {
      this.#resumeAt = position;
    }
  }

  #dropped(): void {
    [this.#subscription, this.#token] = [undefined, undefined];
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (this.#listeners.size === 0) return;
      const blind = this.#resumeAt === undefined;
      this.#subscribe();
      // Dropped before it saw a position: from the end again, it cannot hear what
      // came meanwhile, so the listeners are told to look.
      if (blind) this.#tell();
    }, this.#delay);
    this.#retry.unref();
    this.#delay = Math.min(this.#delay * 2, this.#options.maxRetryMs);
  }

  #stop(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    const subscription = this.#subscription;
    [this.#subscription, this.#token, this.#resumeAt] = [undefined, undefined, undefined];
    subscription?.stop();
  }
}
