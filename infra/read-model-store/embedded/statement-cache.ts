import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Prepared statements for SQL built from queries, keyed by the SQL text. Values
 * are bound, so the text depends only on the query's shape and repeats a lot;
 * the bound keeps odd one-off shapes from piling up.
 */
export class StatementCache {
  readonly #db: DatabaseSync;
  readonly #capacity: number;
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: DatabaseSync, capacity = 200) {
    this.#db = db;
    this.#capacity = capacity;
  }

  /** The prepared statement for `sql`, the least recently used one evicted when full. */
  get(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement !== undefined) {
      // Re-inserting moves it to the end, so the first key is the least recently used.
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= this.#capacity) {
        this.#statements.delete(this.#statements.keys().next().value!);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}
