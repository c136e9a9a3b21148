import type { GraphQLInputType } from 'graphql';
import { getNullableType, isEnumType, isInputObjectType, isListType } from 'graphql';

const namePattern = /^[_A-Za-z][_0-9A-Za-z]*$/;

const fieldType = (type: GraphQLInputType | undefined, key: string) => {
  const named = type && getNullableType(type);
  return named && isInputObjectType(named) ? named.getFields()[key]?.type : undefined;
};

const itemType = (type: GraphQLInputType | undefined) => {
  const named = type && getNullableType(type);
  return named && isListType(named) ? (named.ofType as GraphQLInputType) : type;
};

const isEnumValue = (type: GraphQLInputType | undefined, value: string) => {
  const named = type && getNullableType(type);
  return named !== undefined && isEnumType(named) && named.getValue(value) !== undefined;
};

/**
 * A JSON value written as a GraphQL literal, so fuzzed input can also arrive
 * inline in the document (another path through graphql-js than variables).
 * Strings naming a value of an enum in their place are written bare; object
 * keys that are no GraphQL name are dropped, as no document could hold them.
 */
export const literalOf = (value: unknown, type?: GraphQLInputType): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return isEnumValue(type, value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((item) => literalOf(item, itemType(type))).join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) =>
    namePattern.test(key),
  );
  const fields = entries.map(([key, item]) => `${key}: ${literalOf(item, fieldType(type, key))}`);
  return `{${fields.join(', ')}}`;
};
