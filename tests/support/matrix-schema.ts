import type { GraphQLField, GraphQLSchema, IntrospectionQuery } from 'graphql';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isObjectType,
} from 'graphql';
import type { TestSystem } from './test-system.ts';

/** Which root type a field hangs off. */
export type RootKind = 'query' | 'mutation';

export interface RootField {
  kind: RootKind;
  name: string;
}

/**
 * The running gateway's schema, read by introspection over HTTP: the walk and
 * the fuzz cover what is actually served, so a new field cannot slip past them.
 */
export const introspectSchema = async (sys: TestSystem, token: string): Promise<GraphQLSchema> => {
  const result = await sys.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, token);
  if (!result.data) throw new Error(`introspection failed: ${JSON.stringify(result.errors)}`);
  return buildClientSchema(result.data);
};

const rootType = (schema: GraphQLSchema, kind: RootKind) =>
  kind === 'query' ? schema.getQueryType() : schema.getMutationType();

/** Every field of the Query and Mutation roots. */
export const rootFields = (schema: GraphQLSchema): RootField[] =>
  (['query', 'mutation'] as const).flatMap((kind) =>
    Object.keys(rootType(schema, kind)?.getFields() ?? {}).map((name) => ({ kind, name })),
  );

/** One root field's definition; throws when the schema has no such field. */
export const rootField = (
  schema: GraphQLSchema,
  kind: RootKind,
  name: string,
): GraphQLField<unknown, unknown> => {
  const field = rootType(schema, kind)?.getFields()[name];
  if (!field) throw new Error(`the schema has no ${kind} field ${name}`);
  return field;
};

/**
 * A document calling one root field with the named arguments passed as
 * variables of their declared types. Object results select `selection`
 * (`__typename` unless told), so any field can be called without knowing its type.
 */
export const documentFor = (
  schema: GraphQLSchema,
  kind: RootKind,
  name: string,
  argumentNames: readonly string[],
  selection = '{ __typename }',
): string => {
  const field = rootField(schema, kind, name);
  const used = field.args.filter((arg) => argumentNames.includes(arg.name));
  const unknown = argumentNames.filter((arg) => !used.some((declared) => declared.name === arg));
  if (unknown.length > 0) throw new Error(`${name} has no argument ${unknown.join(', ')}`);
  const declarations = used.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = used.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const variables = declarations ? `(${declarations})` : '';
  const args = passed ? `(${passed})` : '';
  const select = isLeafType(getNamedType(field.type)) ? '' : ` ${selection}`;
  return `${kind}${variables} { ${name}${args}${select} }`;
};

/** A selection of every leaf field of a root field's object result, e.g. `{ id revision position }`. */
export const leafSelection = (schema: GraphQLSchema, kind: RootKind, name: string): string => {
  const type = getNamedType(rootField(schema, kind, name).type);
  if (!isObjectType(type)) return '';
  const leaves = Object.values(type.getFields()).filter((field) =>
    isLeafType(getNamedType(field.type)),
  );
  return `{ ${leaves.map((field) => field.name).join(' ')} }`;
};
