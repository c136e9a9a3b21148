import type {
  GraphQLInputObjectType,
  GraphQLSchema,
  GraphQLType,
  VariableDefinitionNode,
} from 'graphql';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  typeFromAST,
} from 'graphql';
import type { Described } from './described.ts';
import type { Step } from './field-path.ts';
import { fieldPath } from './field-path.ts';
import { oneOfRule, typeRule } from './type-rules.ts';

type Variables = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The steps below variable `name` that a coercion error is about. graphql-js
 * (16.x, getVariableValues) keeps them only in its message, as
 * `Variable "$input" got invalid value <value> at "input.items[0].size"; <inner>`,
 * where `<inner>` is the message of the error's originalError. So the message
 * is read from its end: strip `; <inner>`, then take the quoted path that
 * closes what is left and starts with the variable's name, its last such
 * opening (a string in `<value>` has its quotes escaped; an object or a list
 * ends in a bracket, not a quote). Anything else reads as no steps.
 */
export const stepsInMessage = (message: string, name: string, inner: string): Step[] => {
  const suffix = `; ${inner}`;
  const head = message.endsWith(suffix) ? message.slice(0, -suffix.length) : '';
  const opening = ` at "${name}`;
  const start = head.lastIndexOf(opening);
  const printed = start < 0 || !head.endsWith('"') ? '' : head.slice(start + opening.length, -1);
  if (!/^(?:\.\w+|\[\d+\])*$/.test(printed)) return [];
  return [...printed.matchAll(/\.(\w+)|\[(\d+)\]/g)].map(([, key, index]) => key ?? Number(index));
};

/**
 * The field an input object's coercion error names, read from graphql-js's
 * message because it is nowhere else: `Field "title" of required type
 * "String!" was not provided.`, `Field "foo" is not defined by type "X".`
 */
export const fieldInMessage = (inner: string): string | undefined =>
  /^Field "(\w+)" /.exec(inner)?.[1];

/** The type and the value at `steps` below a variable's. */
const spotAt = (type: GraphQLType | undefined, value: unknown, steps: readonly Step[]) => {
  let spot = { type, value };
  for (const step of steps) {
    let nullable = spot.type && getNullableType(spot.type);
    if (typeof step === 'number') {
      const item = isListType(nullable) ? nullable.ofType : nullable;
      spot = { type: item, value: Array.isArray(spot.value) ? spot.value[step] : undefined };
      continue;
    }
    // A list given a single value takes it as its only item, without an index.
    while (isListType(nullable)) nullable = getNullableType(nullable.ofType);
    const field = isInputObjectType(nullable) ? nullable.getFields()[step] : undefined;
    spot = { type: field?.type, value: isObject(spot.value) ? spot.value[step] : undefined };
  }
  return spot;
};

const valueError = (field: string, rule: string): Described => ({
  code: 'VALIDATION',
  field,
  rule,
});

/** An input object given as one: the field graphql-js names is missing, or unknown. */
const objectError = (type: GraphQLInputObjectType, inner: GraphQLError, steps: Step[]) => {
  const named = fieldInMessage(inner.message);
  if (!named) return valueError(fieldPath(steps), oneOfRule(type));
  const rule = named in type.getFields() ? 'is required' : `is not a field of ${type.name}`;
  return valueError(fieldPath([...steps, named]), rule);
};

/** A coercion error, by the type declared where the value sits and the value there. */
const coercionError = (
  definition: VariableDefinitionNode,
  inner: GraphQLError,
  message: string,
  schema: GraphQLSchema,
  variables: Variables,
): Described => {
  const name = definition.variable.name.value;
  const steps = [name, ...stepsInMessage(message, name, inner.message)];
  const spot = spotAt(typeFromAST(schema, definition.type), variables[name], steps.slice(1));
  const type = spot.type && getNamedType(spot.type);
  if (spot.value === null) return valueError(fieldPath(steps), 'must not be null');
  if (isInputObjectType(type) && isObject(spot.value)) return objectError(type, inner, steps);
  return valueError(fieldPath(steps), typeRule(type, inner));
};

/**
 * An error of getVariableValues: on the variable's definition, either about
 * the variable as a whole (left out, or null though non-null: told apart by the
 * variables themselves) or, with the coercion's error as originalError, about
 * a value in it.
 */
const variableError = (
  error: GraphQLError,
  definition: VariableDefinitionNode,
  schema: GraphQLSchema,
  variables: Variables,
): Described => {
  const name = definition.variable.name.value;
  if (error.originalError instanceof GraphQLError)
    return coercionError(definition, error.originalError, error.message, schema, variables);
  // Without one, graphql-js found the variable left out, or null though non-null.
  return valueError(name, Object.hasOwn(variables, name) ? 'must not be null' : 'is required');
};

/** getVariableValues gives up after this many errors (graphql-js's maxErrors of 50). */
const tooMany = /^Too many errors processing variables, error limit reached\. Execution aborted\.$/;

/**
 * The VALIDATION an error of graphql-js's variable coercion stands for, or
 * null when it is not one. These errors come from `execute` before any
 * resolver, with the variable's definition as their node.
 */
export const describeVariableError = (
  error: GraphQLError,
  schema: GraphQLSchema,
  variables: Variables,
): Described | null => {
  const node = error.nodes?.[0];
  if (node?.kind === Kind.VARIABLE_DEFINITION && !error.path)
    return variableError(error, node, schema, variables);
  if (!node && !error.path && tooMany.test(error.message))
    return valueError('variables', 'must not hold this many invalid values');
  return null;
};
