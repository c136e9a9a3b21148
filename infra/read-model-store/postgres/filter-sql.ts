import type { Filter, KeysetPosition, Scalar, SortKey } from '../port.ts';
import { assertFieldName } from '../shared/field-name.ts';
import {
  assertDirection,
  type ConditionWriter,
  filterConditions,
  type RangeOperator,
} from '../shared/filter-conditions.ts';
import { kindOf, sortKeyType } from './schema.ts';

/** The values bound to a statement, each named by the `$n` placeholder `bind` returns. */
export class SqlParams {
  readonly values: unknown[] = [];

  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const RANGE_OPERATORS: Record<RangeOperator, string> = {
  $gt: '>',
  $gte: '>=',
  $lt: '<',
  $lte: '<=',
};

/**
 * `schema.json_sort_key_of(doc -> 'field')`: what filters, sorts and indexes on
 * a field compare, which an index's expression must repeat verbatim to serve
 * them. The name ends up in the SQL text (a bound one would not match the
 * index), so the field-name check is what keeps filters from injecting SQL.
 */
export function sortKeySql(schema: string, field: string): string {
  assertFieldName(field);
  return `${schema}.json_sort_key_of(doc -> '${field}')`;
}

/** The sort key of a bound value, compared with a field's. */
const valueKeySql = (schema: string, params: SqlParams, value: Scalar): string =>
  `${schema}.json_sort_key_of(${params.bind(JSON.stringify(value))}::jsonb)`;

/**
 * Whether the field is null or missing. A composite `IS NULL` holds when every
 * field of it is null, which a key's kind never is: only a null key passes.
 * (`IS NOT NULL` would need every field set: negate this instead.)
 */
const isNullSql = (key: string) => `${key} IS NULL`;

/** The conditions of a filter on `doc`, comparing sort keys, so types never mix. */
function conditionWriter(schema: string, params: SqlParams): ConditionWriter<string> {
  const key = (field: string) => sortKeySql(schema, field);
  const equals = (field: string, value: Scalar) =>
    value === null
      ? isNullSql(key(field))
      : `${key(field)} = ${valueKeySql(schema, params, value)}`;
  return {
    equals,
    // Kept where equality is unknown: a null or missing field.
    notEquals: (field, value) => `NOT coalesce(${equals(field, value)}, false)`,
    oneOf(field, values) {
      const alternatives: string[] = [];
      if (values.includes(null)) alternatives.push(isNullSql(key(field)));
      const scalars = values.filter((value) => value !== null);
      if (scalars.length > 0) {
        const list = scalars.map((value) => valueKeySql(schema, params, value)).join(', ');
        alternatives.push(`${key(field)} IN (${list})`);
      }
      if (alternatives.length === 0) return 'false';
      return `(${alternatives.join(' OR ')})`;
    },
    // Within the value's kind: below (kind + 1, NULL, NULL), above (kind - 1, NULL, NULL).
    // Null bounds as the port defines them: `$gte`/`$lte` null is `= null`, others none.
    range(field, operator, value) {
      if (value === null) {
        return operator === '$gte' || operator === '$lte' ? equals(field, null) : 'false';
      }
      const kind = kindOf(value);
      const upward = operator === '$gt' || operator === '$gte';
      const bound = upward
        ? `< ROW(${kind}, NULL, NULL)::${sortKeyType(schema)}`
        : `> ROW(${kind - 1}, NULL, NULL)::${sortKeyType(schema)}`;
      const operand = valueKeySql(schema, params, value);
      return `${key(field)} ${RANGE_OPERATORS[operator]} ${operand} AND ${key(field)} ${bound}`;
    },
  };
}

/**
 * Translates a filter into a condition on `doc` (without the collection test),
 * every value bound in `params`; `true` for no conditions. The checks (field
 * names, operators, scalar operands) are the shared ones of every adapter.
 */
export function filterToSql(schema: string, filter: Filter | undefined, params: SqlParams): string {
  const parts = filterConditions(filter, conditionWriter(schema, params));
  return parts.length === 0 ? 'true' : parts.map((part) => `(${part})`).join(' AND ');
}

/**
 * ORDER BY for the sort keys, always ending with the id ascending so pages are
 * stable. Null and missing values come first ascending and last descending,
 * as in the other adapters.
 */
export function sortToSql(schema: string, sort: SortKey[] | undefined): string {
  const keys = (sort ?? []).map(({ field, direction }) => {
    assertDirection(field, direction);
    const order = direction === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
    return `${sortKeySql(schema, field)} ${order}`;
  });
  return `ORDER BY ${[...keys, 'id ASC'].join(', ')}`;
}

/**
 * The condition "after `position` in the order of `sort`" (at most one key,
 * then the id ascending), for keyset paging, nulls where `sortToSql` puts
 * them. Ascending it is a row comparison, which the field's index (collection,
 * key, id) answers as a range.
 */
export function keysetSql(
  schema: string,
  sort: SortKey[] | undefined,
  position: KeysetPosition,
  params: SqlParams,
): string {
  if ((sort ?? []).length > 1) throw new TypeError('keyset paging takes at most one sort key');
  const [sortKey] = sort ?? [];
  const { value, id } = position;
  if (sortKey === undefined) return `id > ${params.bind(id)}`;
  assertDirection(sortKey.field, sortKey.direction);
  const key = sortKeySql(schema, sortKey.field);
  if (value === null) {
    const tie = `(${isNullSql(key)} AND id > ${params.bind(id)})`;
    return sortKey.direction === 'asc' ? `(${tie} OR NOT ${isNullSql(key)})` : tie;
  }
  const at = valueKeySql(schema, params, value);
  if (sortKey.direction === 'asc') return `(${key}, id) > (${at}, ${params.bind(id)})`;
  return `(${key} < ${at} OR (${key} = ${at} AND id > ${params.bind(id)}) OR ${isNullSql(key)})`;
}

/** A statement and the values of its placeholders. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements of a find: the page (filter, keyset, sort, offset and limit)
 * and the count of every match (the filter alone).
 */
export function findSql(
  schema: string,
  collection: string,
  query: {
    filter?: Filter;
    sort?: SortKey[];
    after?: KeysetPosition;
    offset?: number;
    limit?: number;
  },
): { page: Statement; count: Statement } {
  const params = new SqlParams();
  const inCollection = `collection = ${params.bind(collection)}`;
  const where = `${inCollection} AND ${filterToSql(schema, query.filter, params)}`;
  const count = {
    text: `SELECT count(*) AS total FROM ${schema}.documents WHERE ${where}`,
    values: [...params.values],
  };
  const keyset = query.after ? ` AND ${keysetSql(schema, query.sort, query.after, params)}` : '';
  const order = sortToSql(schema, query.sort);
  const text =
    `SELECT doc FROM ${schema}.documents WHERE ${where}${keyset} ${order} ` +
    `LIMIT ${params.bind(query.limit ?? null)} OFFSET ${params.bind(query.offset ?? 0)}`;
  return { page: { text, values: params.values }, count };
}
