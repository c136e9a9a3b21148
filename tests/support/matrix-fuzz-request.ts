import fc from 'fast-check';
import type { GraphQLArgument, GraphQLSchema } from 'graphql';
import type { Caller } from './matrix-callers.ts';
import type { FuzzMode, FuzzPools } from './matrix-fuzz-inputs.ts';
import { inputValue } from './matrix-fuzz-inputs.ts';
import { literalOf } from './matrix-fuzz-literal.ts';
import { garbageValue } from './matrix-fuzz-values.ts';
import type { Scenario } from './matrix-scenario.ts';
import { rootField } from './matrix-schema.ts';

/** One fuzzed call of a mutation: its arguments, sent as variables or inline in the document. */
export interface FuzzRequest {
  args: Record<string, unknown>;
  inline: boolean;
}

const left = Symbol('left out');

const argumentValue = (arg: GraphQLArgument, pools: FuzzPools, mode: FuzzMode) =>
  mode === 'plausible'
    ? inputValue(arg.type, pools, mode, arg.name)
    : fc.option(inputValue(arg.type, pools, mode, arg.name), { freq: 20, nil: left });

const requestOf = (schema: GraphQLSchema, name: string, pools: FuzzPools, mode: FuzzMode) => {
  const declared = rootField(schema, 'mutation', name).args;
  const values = fc.tuple(...declared.map((arg) => argumentValue(arg, pools, mode)));
  const stray =
    mode === 'plausible'
      ? fc.constant(left)
      : fc.oneof({ weight: 15, arbitrary: fc.constant(left) }, garbageValue());
  return fc.record({ values, stray, inline: fc.boolean() }).map(({ values, stray, inline }) => {
    const args: Record<string, unknown> = {};
    declared.forEach((arg, index) => {
      if (values[index] !== left) args[arg.name] = values[index];
    });
    if (stray !== left) args.stray = stray;
    return { args, inline };
  });
};

/**
 * Random arguments for every argument the mutation declares, now and then one it
 * does not: hostile ones, and plausible ones shaped as the schema says.
 */
export const requestArbitrary = (
  schema: GraphQLSchema,
  name: string,
  pools: FuzzPools,
): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(requestOf(schema, name, pools, 'hostile'), requestOf(schema, name, pools, 'plausible'));

/** An argument the mutation does not declare, always inline: there is no type to declare it with. */
const strayOf = (request: FuzzRequest): string[] =>
  Object.hasOwn(request.args, 'stray') ? [`stray: ${literalOf(request.args.stray)}`] : [];

const documentOf = (schema: GraphQLSchema, name: string, request: FuzzRequest) => {
  const declared = rootField(schema, 'mutation', name).args;
  const given = declared.filter((arg) => Object.hasOwn(request.args, arg.name));
  const declarations = request.inline
    ? []
    : given.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const passed = given.map((arg) =>
    request.inline
      ? `${arg.name}: ${literalOf(request.args[arg.name], arg.type)}`
      : `${arg.name}: $${arg.name}`,
  );
  const args = [...passed, ...strayOf(request)];
  const variables = declarations.length ? `(${declarations.join(', ')})` : '';
  return `mutation${variables} { ${name}${args.length ? `(${args.join(', ')})` : ''} { __typename } }`;
};

/** The variables of a request sent with them: the declared arguments only. */
const variablesOf = (request: FuzzRequest) => {
  if (request.inline) return {};
  const { stray: _stray, ...declared } = request.args;
  return declared;
};

/** What came back, raw and parsed. */
export interface FuzzResponse {
  status: number;
  text: string;
  /** The parsed GraphQL response; null when the body was no JSON at all. */
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
  } | null;
}

let sent = 0;

const parsed = (text: string): FuzzResponse['body'] => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Sends one fuzzed call as the caller, with its own request id for the gateway's logs. */
export const sendFuzz = async (
  s: Scenario,
  caller: Caller['name'],
  name: string,
  request: FuzzRequest,
): Promise<FuzzResponse> => {
  const token = s.token(caller);
  const response = await fetch(`${s.sys.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': `fuzz-${++sent}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      query: documentOf(s.schema, name, request),
      variables: variablesOf(request),
    }),
  });
  const text = await response.text();
  return { status: response.status, text, body: parsed(text) };
};
