import type { SQLInputValue } from 'node:sqlite';
import type { FieldCondition, Filter, Scalar, SortKey } from '../port.ts';

/** A piece of SQL and the values bound to its `?` placeholders, in order. */
export interface SqlFragment {
  sql: string;
  params: SQLInputValue[];
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const RANGE_OPERATORS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

type RangeOperator = keyof typeof RANGE_OPERATORS;

const OPERATORS = new Set(['$eq', '$ne', '$in', ...Object.keys(RANGE_OPERATORS)]);

/**
 * Refuses anything but a plain top-level field name. The name ends up inside the
 * SQL text (a JSON path has to be literal for expression indexes to match), so
 * this check is what keeps filters from injecting SQL.
 */
export function assertFieldName(field: string): void {
  if (typeof field !== 'string' || !FIELD_NAME.test(field)) {
    throw new TypeError(
      `read-model field name ${JSON.stringify(field)} is not a plain top-level name`,
    );
  }
}

/** `json_extract(doc, '$.field')`: the expression that indexes and sorts must repeat verbatim. */
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

function assertScalar(field: string, value: unknown): asserts value is Scalar {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (!ok) {
    throw new TypeError(`read-model filter on ${field}: ${String(value)} is not a JSON scalar`);
  }
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
function inSql(field: string, values: unknown): SqlFragment {
  if (!Array.isArray(values)) {
    throw new TypeError(`read-model filter on ${field}: $in takes an array`);
  }
  for (const value of values) assertScalar(field, value);
  const scalars = values as Scalar[];
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

function operatorSql(field: string, operator: string, operand: unknown): SqlFragment {
  if (operator === '$in') return inSql(field, operand);
  assertScalar(field, operand);
  if (operator === '$eq') return equalsSql(field, operand);
  if (operator === '$ne') return notEqualsSql(field, operand);
  return rangeSql(field, operator as RangeOperator, operand);
}

function conditionSql(field: string, condition: FieldCondition): SqlFragment[] {
  if (condition === null || typeof condition !== 'object') {
    assertScalar(field, condition);
    return [equalsSql(field, condition)];
  }
  if (Array.isArray(condition)) {
    throw new TypeError(`read-model filter on ${field}: an array is not a condition`);
  }
  const parts: SqlFragment[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (!OPERATORS.has(operator)) {
      throw new TypeError(`read-model filter on ${field}: unknown operator ${operator}`);
    }
    // An operator left undefined (an optional bound not given) constrains nothing.
    if (operand !== undefined) parts.push(operatorSql(field, operator, operand));
  }
  return parts;
}

/**
 * Translates a filter into a WHERE condition on `doc` (without the collection
 * test), every value bound as a parameter. Returns empty SQL for no conditions.
 * Fields whose condition is `undefined` are ignored.
 */
export function filterToSql(filter: Filter | undefined): SqlFragment {
  const parts: SqlFragment[] = [];
  for (const [field, condition] of Object.entries(filter ?? {})) {
    assertFieldName(field);
    if (condition !== undefined) parts.push(...conditionSql(field, condition));
  }
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * ORDER BY for the sort keys, always ending with `id ASC` so pages are stable.
 * SQLite puts NULLs (null or missing) first ascending and last descending, as
 * MongoDB does. Fields holding mixed types sort in SQLite's type order, not MongoDB's.
 */
export function sortToSql(sort: SortKey[] | undefined): string {
  const keys = (sort ?? []).map(({ field, direction }) => {
    if (direction !== 'asc' && direction !== 'desc') {
      throw new TypeError(`read-model sort on ${field}: direction ${String(direction)}`);
    }
    return `${fieldValueSql(field)} ${direction === 'asc' ? 'ASC' : 'DESC'}`;
  });
  return `ORDER BY ${[...keys, 'id ASC'].join(', ')}`;
}
