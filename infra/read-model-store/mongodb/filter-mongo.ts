import type { Document } from 'mongodb';
import type { FieldCondition, Filter, Scalar, SortKey } from '../port.ts';
import { assertFieldName } from '../shared/field-name.ts';

/** MongoDB path of a read-model field: documents are stored as `{ _id: id, doc }`. */
export function fieldPath(field: string): string {
  assertFieldName(field);
  return `doc.${field}`;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);
const OPERATORS = new Set(['$eq', '$ne', '$in', ...RANGE_OPERATORS]);

/**
 * MongoDB matches a condition against each element of an array field; the port
 * (like the embedded adapter) compares the field's value itself, so an array is
 * never equal to, in or within range of a scalar. Every comparison carries this.
 */
const NOT_AN_ARRAY = { $not: { $type: 'array' } } as const;

/** A condition no document meets. */
const NOTHING: Document = { _id: { $in: [] } };

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

/**
 * Field equals value. MongoDB compares within one type (1 never equals '1' or
 * true) and lets null stand for a null or a missing field, as the port does.
 */
function equals(field: string, value: Scalar): Document {
  return { [fieldPath(field)]: { $eq: value, ...NOT_AN_ARRAY } };
}

/** Negation that keeps what equality leaves out: null, missing and array fields. */
function notEquals(field: string, value: Scalar): Document {
  return { $nor: [equals(field, value)] };
}

function oneOf(field: string, values: unknown): Document {
  if (!Array.isArray(values)) {
    throw new TypeError(`read-model filter on ${field}: $in takes an array`);
  }
  for (const value of values) assertScalar(field, value);
  if (values.length === 0) return NOTHING;
  return { [fieldPath(field)]: { $in: values, ...NOT_AN_ARRAY } };
}

/**
 * MongoDB compares ranges within one type (type bracketing), so `$gt: 0` never
 * matches a string. Null bounds are spelled out as the port defines them:
 * `$gte`/`$lte` null is equality with null, `$gt`/`$lt` null matches nothing.
 */
function range(field: string, operator: string, value: Scalar): Document {
  if (value === null) {
    return operator === '$gte' || operator === '$lte' ? equals(field, null) : NOTHING;
  }
  return { [fieldPath(field)]: { [operator]: value, ...NOT_AN_ARRAY } };
}

function operatorClause(field: string, operator: string, operand: unknown): Document {
  if (operator === '$in') return oneOf(field, operand);
  assertScalar(field, operand);
  if (operator === '$eq') return equals(field, operand);
  if (operator === '$ne') return notEquals(field, operand);
  return range(field, operator, operand);
}

function conditionClauses(field: string, condition: FieldCondition): Document[] {
  if (condition === null || typeof condition !== 'object') {
    assertScalar(field, condition);
    return [equals(field, condition)];
  }
  if (Array.isArray(condition)) {
    throw new TypeError(`read-model filter on ${field}: an array is not a condition`);
  }
  const clauses: Document[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (!OPERATORS.has(operator)) {
      throw new TypeError(`read-model filter on ${field}: unknown operator ${operator}`);
    }
    // An operator left undefined (an optional bound not given) constrains nothing.
    if (operand !== undefined) clauses.push(operatorClause(field, operator, operand));
  }
  return clauses;
}

/**
 * Translates a port filter into a MongoDB query on the stored documents, with
 * the embedded adapter's semantics: values only ever compared as values (never
 * read as operators: they sit under explicit `$eq`/`$in`/… keys), fields whose
 * condition is `undefined` ignored, an empty query for no conditions.
 */
export function filterToMongo(filter: Filter | undefined): Document {
  const clauses: Document[] = [];
  for (const [field, condition] of Object.entries(filter ?? {})) {
    assertFieldName(field);
    if (condition !== undefined) clauses.push(...conditionClauses(field, condition));
  }
  return clauses.length === 0 ? {} : { $and: clauses };
}

/**
 * The sort of a query, always ending with `_id` ascending so pages are stable.
 * MongoDB puts null and missing first ascending and last descending, and orders
 * strings by code point, as the embedded adapter does; fields holding mixed types
 * follow MongoDB's type order (the embedded adapter follows SQLite's).
 */
export function sortToMongo(sort: SortKey[] | undefined): Record<string, 1 | -1> {
  const spec: Record<string, 1 | -1> = {};
  for (const { field, direction } of sort ?? []) {
    if (direction !== 'asc' && direction !== 'desc') {
      throw new TypeError(`read-model sort on ${field}: direction ${String(direction)}`);
    }
    const path = fieldPath(field);
    // A repeated key adds nothing to an ORDER BY; here it would move the first one.
    if (!(path in spec)) spec[path] = direction === 'asc' ? 1 : -1;
  }
  spec._id = 1;
  return spec;
}
