import type { GraphQLInputType, GraphQLSchema } from 'graphql';
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType } from 'graphql';
import { rootField } from './matrix-schema.ts';

/** One scalar or enum somewhere inside a mutation's input: its steps from the input, and its type. */
export interface InputLeaf {
  steps: readonly (string | number)[];
  /** The scalar's name (`String`, `ID`, `Date`…), or `enum` for any enum. */
  scalar: string;
}

/** Dotted with list positions in brackets, the way errors name a field: `evidence[0].sha256`. */
export const pathOf = (steps: readonly (string | number)[]): string =>
  steps.reduce<string>(
    (path, step) =>
      typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step,
    '',
  );

/** A field's name with `.0.` and `[0]` read alike, so either way of writing a position matches. */
export const sameField = (named: unknown, path: string): boolean =>
  typeof named === 'string' && named.replace(/\.(\d+)(?=\.|$)/g, '[$1]') === path;

const leavesOf = (type: GraphQLInputType, steps: (string | number)[]): InputLeaf[] => {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return leavesOf(nullable.ofType as GraphQLInputType, [...steps, 0]);
  const named = getNamedType(nullable);
  if (isEnumType(named)) return [{ steps, scalar: 'enum' }];
  if (!isInputObjectType(named)) return [{ steps, scalar: named.name }];
  return Object.values(named.getFields()).flatMap((field) =>
    leavesOf(field.type, [...steps, field.name]),
  );
};

/** Every scalar inside the `input` argument of a mutation, nested objects and lists included. */
export const inputLeaves = (schema: GraphQLSchema, mutation: string): InputLeaf[] => {
  const input = rootField(schema, 'mutation', mutation).args.find((arg) => arg.name === 'input');
  return input ? leavesOf(input.type, []) : [];
};

/** The type of the object a leaf sits in when that object has to be made from nothing. */
const containerType = (schema: GraphQLSchema, mutation: string, steps: readonly unknown[]) => {
  let type: GraphQLInputType | undefined = rootField(schema, 'mutation', mutation).args.find(
    (arg) => arg.name === 'input',
  )?.type;
  for (const step of steps) {
    const nullable = type && getNullableType(type);
    if (nullable && isListType(nullable)) type = nullable.ofType as GraphQLInputType;
    else if (nullable && isInputObjectType(nullable) && typeof step === 'string') {
      type = nullable.getFields()[step]?.type;
    }
  }
  return type && getNamedType(type).name;
};

/** Valid values of the input objects a walk's input may lack, to put one bad value into. */
const fillers: Readonly<Record<string, Record<string, unknown>>> = {
  EvidenceInput: { fileName: 'site-plan.pdf', sha256: 'a'.repeat(64), size: 1024 },
};

const fillerOf = (typeName: string | undefined): Record<string, unknown> => {
  const filler = typeName ? fillers[typeName] : undefined;
  if (!filler) throw new Error(`no valid ${typeName} to fill in: add one to the fillers`);
  return { ...filler };
};

/**
 * A copy of a valid input with one leaf replaced. Lists and objects the input
 * lacks are made: a list holds the one value, an object starts as a valid filler.
 */
export const withLeaf = (
  schema: GraphQLSchema,
  mutation: string,
  input: Record<string, unknown>,
  steps: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> => {
  const set = (container: unknown, at: number): unknown => {
    const step = steps[at];
    if (step === undefined) return value;
    if (typeof step === 'number') {
      const list = Array.isArray(container) ? [...container] : [];
      const inner =
        steps[at + 1] === undefined
          ? undefined
          : (list[step] ?? fillerOf(containerType(schema, mutation, steps.slice(0, at + 1))));
      list[step] = set(inner, at + 1);
      return list;
    }
    const object = { ...((container ?? {}) as Record<string, unknown>) };
    object[step] = set(object[step], at + 1);
    return object;
  };
  return set(input, 0) as Record<string, unknown>;
};
