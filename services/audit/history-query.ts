import type { SQLInputValue } from 'node:sqlite';

/** The history search's filters; every one given narrows the result (AND). */
export interface HistoryFilter {
  actorId?: string | null;
  unitId?: string | null;
  /** Any of these event types. */
  types?: readonly string[] | null;
  streamId?: string | null;
  /** Recorded-at range, ISO timestamps normalised to `toISOString()` form; both bounds inclusive. */
  recordedFrom?: string | null;
  recordedTo?: string | null;
  /** Business-date range, `YYYY-MM-DD`; both bounds inclusive. */
  businessFrom?: string | null;
  businessTo?: string | null;
  /** None of these event types (read records, unless a search asks for them). */
  hiddenTypes?: readonly string[] | null;
}

export interface WhereClause {
  sql: string;
  params: SQLInputValue[];
}

type Condition = [sql: string, value: SQLInputValue | null | undefined];

/** The filter as one SQL condition over `history` (`1` when nothing is filtered). */
export const historyWhere = (filter: HistoryFilter): WhereClause => {
  const conditions: Condition[] = [
    ['actor_id = ?', filter.actorId],
    ['unit_id = ?', filter.unitId],
    ['stream_id = ?', filter.streamId],
    ['recorded_at >= ?', filter.recordedFrom],
    ['recorded_at <= ?', filter.recordedTo],
    ['business_date >= ?', filter.businessFrom],
    ['business_date <= ?', filter.businessTo],
  ];
  const given = conditions.filter(([, value]) => value !== null && value !== undefined);
  const sql = given.map(([condition]) => condition);
  const params = given.map(([, value]) => value as SQLInputValue);
  for (const [operator, values] of [
    ['IN', filter.types ?? []],
    ['NOT IN', filter.hiddenTypes ?? []],
  ] as const) {
    if (values.length === 0) continue;
    sql.push(`type ${operator} (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { sql: sql.length === 0 ? '1' : sql.join(' AND '), params };
};
