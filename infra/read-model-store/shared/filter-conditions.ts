import type { FieldCondition, Filter, Scalar } from '../port.ts';
import { assertFieldName } from './field-name.ts';

/** The range operators of a filter. */
export const rangeOperators = ['$gt', '$gte', '$lt', '$lte'] as const;

/** One of `rangeOperators`. */
export type RangeOperator = (typeof rangeOperators)[number];

const OPERATORS = new Set<string>(['$eq', '$ne', '$in', ...rangeOperators]);

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
 * How an adapter writes each condition of a filter in its own query language;
 * the operands it is given are already checked.
 */
export interface ConditionWriter<C> {
  equals(field: string, value: Scalar): C;
  notEquals(field: string, value: Scalar): C;
  oneOf(field: string, values: Scalar[]): C;
  range(field: string, operator: RangeOperator, value: Scalar): C;
}

function operatorCondition<C>(
  field: string,
  operator: string,
  operand: unknown,
  writer: ConditionWriter<C>,
): C {
  if (operator === '$in') {
    if (!Array.isArray(operand)) {
      throw new TypeError(`read-model filter on ${field}: $in takes an array`);
    }
    for (const value of operand) assertScalar(field, value);
    return writer.oneOf(field, operand);
  }
  assertScalar(field, operand);
  if (operator === '$eq') return writer.equals(field, operand);
  if (operator === '$ne') return writer.notEquals(field, operand);
  return writer.range(field, operator as RangeOperator, operand);
}

function fieldConditions<C>(
  field: string,
  condition: FieldCondition,
  writer: ConditionWriter<C>,
): C[] {
  if (condition === null || typeof condition !== 'object') {
    assertScalar(field, condition);
    return [writer.equals(field, condition)];
  }
  if (Array.isArray(condition)) {
    throw new TypeError(`read-model filter on ${field}: an array is not a condition`);
  }
  const conditions: C[] = [];
  for (const [operator, operand] of Object.entries(condition)) {
    if (!OPERATORS.has(operator)) {
      throw new TypeError(`read-model filter on ${field}: unknown operator ${operator}`);
    }
    // An operator left undefined (an optional bound not given) constrains nothing.
    if (operand !== undefined) conditions.push(operatorCondition(field, operator, operand, writer));
  }
  return conditions;
}

/**
 * Every condition of a filter, in order, written by the adapter's `writer`. The
 * checks are the port's, the same in every adapter, so a filter one adapter
 * accepts never fails on another: plain field names, JSON scalar operands, known
 * operators; a field or operator whose condition is `undefined` is ignored.
 */
export function filterConditions<C>(filter: Filter | undefined, writer: ConditionWriter<C>): C[] {
  const conditions: C[] = [];
  for (const [field, condition] of Object.entries(filter ?? {})) {
    assertFieldName(field);
    if (condition !== undefined) conditions.push(...fieldConditions(field, condition, writer));
  }
  return conditions;
}

/** Refuses a sort direction other than `asc` or `desc`. */
export function assertDirection(field: string, direction: unknown): void {
  if (direction !== 'asc' && direction !== 'desc') {
    throw new TypeError(`read-model sort on ${field}: direction ${String(direction)}`);
  }
}
