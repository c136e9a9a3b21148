import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { validationError } from '../../contracts/errors.ts';
import type { HistoryFilter } from './history-query.ts';
import { historyWhere } from './history-query.ts';
import type { HistoryCursor } from './search-cursor.ts';

/** One page of matching positions, in global order. */
export interface HistoryPage {
  positions: number[];
  /** Matches up to `asOf`, the same on every page of one search. */
  totalCount: number;
  /** The last position the search sees: events recorded later belong to a new search. */
  asOf: number;
  hasNextPage: boolean;
}

export interface HistoryPageRequest {
  first: number;
  after: HistoryCursor | null;
  /** The position of the last event indexed now; a first page takes its snapshot here. */
  indexedUpTo: number;
}

const cachedTotals = 256;

interface Matches {
  total: number;
  first: number | null;
}

/**
 * Searches the `history` table. A search is a snapshot: its first page fixes the
 * tree size it reads up to, so paging on returns every match exactly once and
 * the total stays put while new events arrive. Totals of a snapshot are cached,
 * so only the first page of a search pays for the count.
 */
export const createHistorySearch = (db: DatabaseSync) => {
  const statements = new Map<string, StatementSync>();
  const totals = new Map<string, Matches>();

  const statement = (sql: string): StatementSync => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };

  /** The matches of a snapshot: how many, and the first one's position (null: none). */
  const matches = (where: string, params: SQLInputValue[], asOf: number, key: string): Matches => {
    const known = totals.get(key);
    if (known) return known;
    const sql = `SELECT count(*) AS total, min(position) AS first FROM history WHERE ${where} AND position <= ?`;
    const found = statement(sql).get(...params, asOf) as unknown as Matches;
    totals.set(key, found);
    if (totals.size > cachedTotals) totals.delete(totals.keys().next().value ?? '');
    return found;
  };

  const search = (filter: HistoryFilter, request: HistoryPageRequest): HistoryPage => {
    const asOf = request.after?.asOf ?? request.indexedUpTo;
    if (asOf > request.indexedUpTo) {
      throw validationError('after', 'must be a cursor returned by an earlier page');
    }
    const { sql: where, params } = historyWhere(filter);
    const { total, first } = matches(where, params, asOf, `${asOf}|${JSON.stringify(filter)}`);
    if (first === null) return { positions: [], totalCount: 0, asOf, hasNextPage: false };
    // Starting the walk at the first match spares a range filter (recorded-at,
    // business date) the scan over every earlier position in the log.
    const from = Math.max(request.after?.position ?? 0, first - 1);
    const rows = statement(
      `SELECT position FROM history WHERE ${where} AND position > ? AND position <= ? ORDER BY position LIMIT ?`,
    ).all(...params, from, asOf, request.first + 1) as { position: number }[];
    return {
      positions: rows.slice(0, request.first).map((row) => row.position),
      totalCount: total,
      asOf,
      hasNextPage: rows.length > request.first,
    };
  };

  return { search };
};

export type HistorySearch = ReturnType<typeof createHistorySearch>;
