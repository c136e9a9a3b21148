/** A store that cannot take writes now, as /readyz and refused commands name it. */
export interface StoreProblem {
  /** `event store` or `read models`. */
  store: string;
  /** The setting and place it points at, e.g. `DATA_DIR=/srv/dubanju (events.sqlite)`. */
  where: string;
  reason: string;
}

/**
 * One store's condition. A write that failed on the disk (full, I/O error) marks
 * it failing until a write succeeds again; a refusal (the log lost its tail, found
 * at start) lasts until the operator has repaired the store and restarted.
 */
export class StoreCondition {
  readonly store: string;
  readonly where: string;
  #failure: string | null = null;
  #refusal: string | null = null;

  constructor(store: string, where: string) {
    this.store = store;
    this.where = where;
  }

  failed(reason: string): void {
    this.#failure = reason;
  }

  succeeded(): void {
    this.#failure = null;
  }

  /** Refuses every write from now on, for `reason`. */
  refuseWrites(reason: string): void {
    this.#refusal = reason;
  }

  /** Why writes are refused, null while they are accepted. */
  get refusal(): string | null {
    return this.#refusal;
  }

  problem(): StoreProblem | null {
    const reason = this.#refusal ?? this.#failure;
    return reason === null ? null : { store: this.store, where: this.where, reason };
  }
}

/** The conditions of both stores of a process. */
export interface StoreHealth {
  events: StoreCondition;
  readModels: StoreCondition;
}

/** What is wrong with the stores now; empty while both take writes. */
export const storeProblems = (health: StoreHealth): StoreProblem[] =>
  [health.events.problem(), health.readModels.problem()].filter(
    (problem): problem is StoreProblem => problem !== null,
  );

/** One line for a log or an error: the store, where it is, and why. */
export const describeProblem = (problem: StoreProblem): string =>
  `${problem.store} at ${problem.where}: ${problem.reason}`;
