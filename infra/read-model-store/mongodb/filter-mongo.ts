import type { Document } from 'mongodb';
import type { Filter, KeysetPosition, Scalar, SortKey } from '../port.ts';
import { assertFieldName } from '../shared/field-name.ts';
import {
  assertDirection,
  type ConditionWriter,
  filterConditions,
  type RangeOperator,
} from '../shared/filter-conditions.ts';

/** MongoDB path of a read-model field: documents are stored as `{ _id: id, doc }`. */
export function fieldPath(field: string): string {
  assertFieldName(field);
  return `doc.${field}`;
}

/**
 * MongoDB matches a condition against each element of an array field; the port
 * (like the embedded adapter) compares the field's value itself, so an array is
 * never equal to, in or within range of a scalar. Every comparison carries this.
 */
const NOT_AN_ARRAY = { $not: { $type: 'array' } } as const;

/** A condition no document meets. */
const NOTHING: Document = { _id: { $in: [] } };

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

function oneOf(field: string, values: Scalar[]): Document {
  if (values.length === 0) return NOTHING;
  return { [fieldPath(field)]: { $in: values, ...NOT_AN_ARRAY } };
}

/**
 * MongoDB compares ranges within one type (type bracketing), so `$gt: 0` never
 * matches a string. Null bounds are spelled out as the port defines them:
 * `$gte`/`$lte` null is equality with null, `$gt`/`$lt` null matches nothing.
 */
function range(field: string, operator: RangeOperator, value: Scalar): Document {
  if (value === null) {
    return operator === '$gte' || operator === '$lte' ? equals(field, null) : NOTHING;
  }
  return { [fieldPath(field)]: { [operator]: value, ...NOT_AN_ARRAY } };
}

const mongoWriter: ConditionWriter<Document> = { equals, notEquals, oneOf, range };

/**
 * Translates a port filter into a MongoDB query on the stored documents, with
 * the embedded adapter's semantics: values only ever compared as values (never
 * read as operators: they sit under explicit `$eq`/`$in`/… keys), fields whose
 * condition is `undefined` ignored, an empty query for no conditions.
 */
export function filterToMongo(filter: Filter | undefined): Document {
  const clauses = filterConditions(filter, mongoWriter);
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
    assertDirection(field, direction);
    const path = fieldPath(field);
    // A repeated key adds nothing to an ORDER BY; here it would move the first one.
    if (!(path in spec)) spec[path] = direction === 'asc' ? 1 : -1;
  }
  spec._id = 1;
  return spec;
}

/**
 * The condition "after `position` in the order of `sort`" (at most one key,
 * then `_id` ascending), for keyset paging; null and missing sort first
 * ascending and last descending, as `sortToMongo` has them. With the field's
 * index (field, `_id`) MongoDB answers it as a range.
 */
export function keysetToMongo(sort: SortKey[] | undefined, position: KeysetPosition): Document {
  if ((sort ?? []).length > 1) throw new TypeError('keyset paging takes at most one sort key');
  const [key] = sort ?? [];
  const { value, id } = position;
  if (key === undefined) return { _id: { $gt: id } };
  assertDirection(key.field, key.direction);
  const path = fieldPath(key.field);
  // `$eq: null` matches null and missing alike, as the sort places both.
  const tie = { [path]: { $eq: value }, _id: { $gt: id } };
  if (key.direction === 'asc') {
    return value === null
      ? { $or: [tie, { [path]: { $ne: null } }] }
      : { $or: [{ [path]: { $gt: value } }, tie] };
  }
  return value === null
    ? tie
    : { $or: [{ [path]: { $lt: value } }, tie, { [path]: { $eq: null } }] };
}
