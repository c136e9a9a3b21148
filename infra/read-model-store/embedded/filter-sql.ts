import type { SQLInputValue } from 'node:sqlite';
import type { Filter, KeysetPosition, Scalar, SortKey } from '../port.ts';
import { assertFieldName } from '../shared/field-name.ts';
import {
  assertDirection,
  type ConditionWriter,
  filterConditions,
  type RangeOperator,
} from '../shared/filter-conditions.ts';

export { assertFieldName } from '../shared/field-name.ts';

/** A piece of SQL and the values bound to its `?` placeholders, in order. */
export interface SqlFragment {
  sql: string;
  params: SQLInputValue[];
}

const RANGE_OPERATORS: Record<RangeOperator, string> = {
  $gt: '>',
  $gte: '>=',
  $lt: '<',
  $lte: '<=',
};

/**
 * `json_extract(doc, '$.field')`: the expression that indexes and sorts must
 * repeat verbatim. The name ends up inside the SQL text (a JSON path has to be
 * literal for expression indexes to match), so the field-name check is what
 * keeps filters from injecting SQL.
 */
export function fieldValueSql(field: string): string {
  assertFieldName(field);
  return `json_extract(doc, '$.${field}')`;
}

function fieldTypeSql(field: string): string {
  return `json_type(doc, '$.${field}')`;
}

/**
 * Comparisons carry a JSON type check, as MongoDB only compares values of the same
 * type: json_extract turns true/false into 1/0, so `= 1` alone would match `true`,
 * and text comparisons alone would match arrays and objects (returned as JSON text).
 */
function typeCheckSql(field: string, value: string | number | boolean): string {
  if (typeof value === 'string') return `${fieldTypeSql(field)} = 'text'`;
  if (typeof value === 'number') return `${fieldTypeSql(field)} IN ('integer', 'real')`;
  return `${fieldTypeSql(field)} IN ('true', 'false')`;
}

function bindable(value: string | number | boolean): SQLInputValue {
  return typeof value === 'boolean' ? Number(value) : value;
}

/** Field equals value; `null` stands for a null or a missing field, as in MongoDB. */
function equalsSql(field: string, value: Scalar): SqlFragment {
  if (value === null) return { sql: `${fieldValueSql(field)} IS NULL`, params: [] };
  if (typeof value === 'boolean') {
    return { sql: `${fieldTypeSql(field)} = '${value}'`, params: [] };
  }
  return {
    sql: `${typeCheckSql(field, value)} AND ${fieldValueSql(field)} = ?`,
    params: [value],
  };
}

/** Negation that also keeps rows where the equality is unknown (missing field). */
function notEqualsSql(field: string, value: Scalar): SqlFragment {
  const equals = equalsSql(field, value);
  return { sql: `NOT coalesce((${equals.sql}), 0)`, params: equals.params };
}

/** Groups the list by type so that the common case (all strings) stays one indexable IN. */
function inSql(field: string, scalars: Scalar[]): SqlFragment {
  const alternatives: SqlFragment[] = [];
  if (scalars.includes(null)) alternatives.push(equalsSql(field, null));
  for (const kind of ['string', 'number'] as const) {
    const ofKind = [...new Set(scalars.filter((value) => typeof value === kind))] as (
      | string
      | number
    )[];
    if (ofKind.length === 0) continue;
    const placeholders = ofKind.map(() => '?').join(', ');
    alternatives.push({
      sql: `${typeCheckSql(field, ofKind[0]!)} AND ${fieldValueSql(field)} IN (${placeholders})`,
      params: ofKind,
    });
  }
  const booleans = [...new Set(scalars.filter((value) => typeof value === 'boolean'))];
  if (booleans.length > 0) {
    const types = booleans.map((value) => `'${value}'`).join(', ');
    alternatives.push({ sql: `${fieldTypeSql(field)} IN (${types})`, params: [] });
  }
  if (alternatives.length === 0) return { sql: '0', params: [] };
  if (alternatives.length === 1) return alternatives[0]!;
  return {
    sql: `(${alternatives.map((part) => `(${part.sql})`).join(' OR ')})`,
    params: alternatives.flatMap((part) => part.params),
  };
}

/** Ranges compare within one type; null bounds follow MongoDB (`$gte: null` is `= null`). */
function rangeSql(field: string, operator: RangeOperator, value: Scalar): SqlFragment {
  if (value === null) {
    const inclusive = operator === '$gte' || operator === '$lte';
    return inclusive ? equalsSql(field, null) : { sql: '0', params: [] };
  }
  return {
    sql: `${typeCheckSql(field, value)} AND ${fieldValueSql(field)} ${RANGE_OPERATORS[operator]} ?`,
    params: [bindable(value)],
  };
}

const sqlWriter: ConditionWriter<SqlFragment> = {
  equals: equalsSql,
  notEquals: notEqualsSql,
  oneOf: inSql,
  range: rangeSql,
};

/**
 * Translates a filter into a WHERE condition on `doc` (without the collection
 * test), every value bound as a parameter. Returns empty SQL for no conditions.
 * Fields whose condition is `undefined` are ignored.
 */
export function filterToSql(filter: Filter | undefined): SqlFragment {
  const parts = filterConditions(filter, sqlWriter);
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * ORDER BY for the sort keys, always ending with `id ASC` so pages are stable.
 * SQLite puts NULLs (null or missing) first ascending and last descending, as
 * MongoDB does. Fields holding mixed types sort in SQLite's type order, not MongoDB's.
 * `walkIndex: false` keeps the planner from walking the sort's index (a unary
 * `+`, which changes no value): the rows are then found by the filter's.
 */
export function sortToSql(sort: SortKey[] | undefined, walkIndex = true): string {
  const keys = (sort ?? []).map(({ field, direction }) => {
    assertDirection(field, direction);
    return `${walkIndex ? '' : '+'}${fieldValueSql(field)} ${direction === 'asc' ? 'ASC' : 'DESC'}`;
  });
  return `ORDER BY ${[...keys, 'id ASC'].join(', ')}`;
}

/**
 * The condition "after `position` in the order of `sort`" (at most one key,
 * then the id ascending), for keyset paging; nulls sort as `sortToSql` has
 * them: first ascending, last descending. Ascending it is a row-value
 * comparison, which an index on (collection, field, id) answers as a range.
 */
export function keysetSql(sort: SortKey[] | undefined, position: KeysetPosition): SqlFragment {
  if ((sort ?? []).length > 1) throw new TypeError('keyset paging takes at most one sort key');
  const [key] = sort ?? [];
  const { value, id } = position;
  if (key === undefined) return { sql: 'id > ?', params: [id] };
  assertDirection(key.field, key.direction);
  const field = fieldValueSql(key.field);
  if (key.direction === 'asc') {
    return value === null
      ? { sql: `((${field} IS NULL AND id > ?) OR ${field} IS NOT NULL)`, params: [id] }
      : { sql: `(${field}, id) > (?, ?)`, params: [bindable(value), id] };
  }
  return value === null
    ? { sql: `(${field} IS NULL AND id > ?)`, params: [id] }
    : {
        sql: `(${field} < ? OR (${field} = ? AND id > ?) OR ${field} IS NULL)`,
        params: [bindable(value), bindable(value), id],
      };
}
