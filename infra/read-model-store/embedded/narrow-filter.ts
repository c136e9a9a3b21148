import type { SQLInputValue } from 'node:sqlite';
import type { Filter, Scalar, SortKey } from '../port.ts';
import { type ConditionWriter, filterConditions } from '../shared/filter-conditions.ts';
import { fieldValueSql, type SqlFragment } from './filter-sql.ts';

/**
 * The most documents a filter may match for a sorted page of them to be read
 * through the filter's index and sorted, rather than found walking the sort's
 * index: at most this many documents read, whatever the collection holds.
 */
export const narrowMatches = 1000;

/** An equality or a list of values (all text, or all numbers) on one field: what an index finds. */
type Probe = { field: string; condition: SqlFragment } | null;

const alike = (values: readonly Scalar[]): values is string[] | number[] =>
  values.length > 0 &&
  (values.every((value) => typeof value === 'string') ||
    values.every((value) => typeof value === 'number'));

const probeWriter: ConditionWriter<Probe> = {
  equals: (field, value) =>
    typeof value === 'string' || typeof value === 'number'
      ? { field, condition: { sql: `${fieldValueSql(field)} = ?`, params: [value] } }
      : null,
  oneOf: (field, values) =>
    alike(values)
      ? {
          field,
          condition: {
            sql: `${fieldValueSql(field)} IN (${values.map(() => '?').join(', ')})`,
            params: values as SQLInputValue[],
          },
        }
      : null,
  notEquals: () => null,
  range: () => null,
};

/**
 * For a filtered page sorted on a field, the queries that count, up to one
 * more than `narrowMatches` and from an index alone, the documents one of
 * the filter's indexed fields (not the sort's) lets through. SQLite's planner
 * walks the sort's index whenever one exists, reading every document on the
 * way to test the filter: on a unit's tasks sorted by their latest activity,
 * forty documents read for each one kept. Where a count comes back at most
 * `narrowMatches`, the page is better read through that field's index and
 * sorted (see `sortToSql`'s `walkIndex`).
 */
export function narrowingProbes(
  collection: string,
  filter: Filter | undefined,
  sort: readonly SortKey[] | undefined,
  indexed: (collection: string, field: string) => boolean,
): SqlFragment[] {
  const sorted = sort?.[0]?.field;
  if (sorted === undefined || filter === undefined) return [];
  return filterConditions(filter, probeWriter).flatMap((probe) =>
    probe !== null && probe.field !== sorted && indexed(collection, probe.field)
      ? [
          {
            sql:
              'SELECT count(*) AS n FROM (SELECT 1 FROM documents WHERE collection = ? AND ' +
              `${probe.condition.sql} LIMIT ${narrowMatches + 1})`,
            params: [collection, ...probe.condition.params],
          },
        ]
      : [],
  );
}
