import type { ASTNode, DocumentNode, GraphQLSchema, Source, ValueNode } from 'graphql';
import {
  GraphQLError,
  getNullableType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js and yoga codes that all mean "the request's input is wrong". */
const inputCodes = new Set([
  undefined,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
]);

/** The field a graphql-js input error speaks of, from its message (it has no structured path). */
export const fieldOf = (message: string): string | undefined => {
  const path = /got invalid value .* at "[^".[]+[.]?([^"]*)"/.exec(message)?.[1];
  const missing = /Field "(?:\w+\.)?(\w+)" of required type/.exec(message)?.[1];
  if (path && missing) return `${path}.${missing}`;
  if (path || missing) return path || missing;
  const unknown = /Field "(\w+)" is not defined by type/.exec(message);
  if (unknown) return unknown[1];
  const argument = /argument "(\w+)"/i.exec(message);
  return argument?.[1];
};

/** Replaces an error's extensions in place (GraphQLError declares them read-only). */
export const setExtensions = (
  error: GraphQLError,
  extensions: Record<string, unknown>,
): GraphQLError => {
  Object.defineProperty(error, 'extensions', {
    value: extensions,
    enumerable: true,
    configurable: true,
  });
  return error;
};

/** Each document an error points into, parsed once however many errors point into it. */
const documents = new WeakMap<Source, DocumentNode | null>();

const documentOf = (source: Source | undefined): DocumentNode | null => {
  if (!source) return null;
  if (!documents.has(source)) {
    try {
      documents.set(source, parse(source));
    } catch {
      documents.set(source, null);
    }
  }
  return documents.get(source) ?? null;
};

const sameNode = (a: ASTNode, b: ASTNode): boolean =>
  a.kind === b.kind && a.loc?.start === b.loc?.start && a.loc?.end === b.loc?.end;

/** The steps from a literal argument value down to `target`, or null when it is not inside. */
const stepsTo = (value: ValueNode, target: ASTNode, steps: string[]): string[] | null => {
  if (sameNode(value, target)) return steps;
  const children =
    value.kind === Kind.OBJECT
      ? value.fields.map((field) => [field.name.value, field.value, field] as const)
      : value.kind === Kind.LIST
        ? value.values.map((item, index) => [String(index), item, item] as const)
        : [];
  for (const [step, child, holder] of children) {
    if (sameNode(holder, target)) return [...steps, step];
    const found = stepsTo(child, target, [...steps, step]);
    if (found) return found;
  }
  return null;
};

/** The steps from the document's arguments to `target`, e.g. `input`, `evidence`, `0`, `size`. */
const stepsIn = (document: DocumentNode, target: ASTNode): string[] | null => {
  let found: string[] | null = null;
  visit(document, {
    Argument(node) {
      if (found) return false;
      const name = node.name.value;
      found = sameNode(node, target) ? [name] : stepsTo(node.value, target, [name]);
      return false;
    },
  });
  return found;
};

const literalSteps = (error: GraphQLError): string[] | null => {
  const target = error.nodes?.[0];
  const document = documentOf(error.source);
  return target && document ? stepsIn(document, target) : null;
};

/** Steps written as fieldOf writes them: without the argument when deeper, indexes in brackets. */
const pathOf = (steps: readonly string[]): string =>
  (steps.length > 1 ? steps.slice(1) : steps).reduce(
    (path, step) => (/^\d+$/.test(step) ? `${path}[${step}]` : path ? `${path}.${step}` : step),
    '',
  );

/** A required field missing from a literal object: the object's path, then the field. */
const literalFieldOf = (error: GraphQLError): string | undefined => {
  const steps = literalSteps(error);
  if (!steps) return undefined;
  const missing = /Field "(?:\w+\.)?(\w+)" of required type/.exec(error.message)?.[1];
  return pathOf(missing ? [...steps, missing] : steps);
};

/** Errors about the request as a whole, by the part of the request body they concern. */
const requestParts: readonly [RegExp, string][] = [
  [/^Syntax Error|^Must provide query string/, 'query'],
  [/^Too many errors processing variables/, 'variables'],
  [/^Could not determine what operation/, 'operationName'],
  [/^POST body|^Request body|^Invalid "params"|^Expected params/, 'body'],
];

const requestPartOf = (message: string): string | undefined =>
  /^(?:Unexpected parameter|Expected) "(\w+)"/.exec(message)?.[1] ??
  requestParts.find(([pattern]) => pattern.test(message))?.[1];

/** The field an input error speaks of: where it sits, else what its message names. */
const fieldOfError = (error: GraphQLError): string | undefined =>
  literalFieldOf(error) ??
  fieldOf(error.message) ??
  /^Variable "\$(\w+)"/.exec(error.message)?.[1] ??
  requestPartOf(error.message);

/** Rules graphql-js states in its own words, in the project's words; the first that fits wins. */
const rules: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Syntax Error/, () => 'must be a valid GraphQL document'],
  [/^Too many errors processing variables/, () => 'must not hold this many invalid values'],
  [/(?:^|; )Expected type "(\w+)" to be an object/, (m) => `must be an object of type ${m[1]}`],
  [/must not be null|not to be null|, found null\.$/, () => 'must not be null'],
  [/was not provided|is required, but it was not provided/, () => 'is required'],
  [/(?:^|; )Field "\w+" is not defined by type "(\w+)"/, (m) => `is not a field of ${m[1]}`],
  [/^Unknown argument "\w+" on field "([\w.]+)"/, (m) => `is not an argument of ${m[1]}`],
  [/(?:^|; )Enum "(\w+)" cannot represent/, (m) => `must be a value of the enum ${m[1]}`],
  [/^Value "[^"]*" does not exist in "(\w+)" enum/, (m) => `must be a value of the enum ${m[1]}`],
  [/(?:^|; )(\w+) cannot represent/, (m) => `must be a value of type ${m[1]}`],
  [/^Expected value of type "([^"]+)"/, (m) => `must be a value of type ${m[1]}`],
];

/** The rule an input error of graphql-js broke, stated as the project states rules. */
export const ruleOf = (message: string): string => {
  for (const [pattern, rule] of rules) {
    const match = pattern.exec(message);
    if (match) return rule(match);
  }
  return 'must have the type the schema declares';
};

const relabel = (error: GraphQLError): void => {
  const code = error.extensions?.code as string | undefined;
  const unnamed = code === 'VALIDATION' && error.extensions?.field === undefined;
  if (!inputCodes.has(code) && !unnamed) return;
  const field = fieldOfError(error);
  const rule = (error.extensions?.rule as string | undefined) ?? ruleOf(error.message);
  setExtensions(error, {
    ...error.extensions,
    code: 'VALIDATION',
    ...(field ? { field } : {}),
    rule,
  });
};

const literalKinds = [
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
];

/**
 * Literal values the project's own scalars refuse, by the message they refuse
 * them with, in document order: graphql-js reports such a scalar's error as it
 * is, without saying where the value was, so the document is walked again
 * with its types to find each one.
 */
const refusedLiterals = (schema: GraphQLSchema, document: DocumentNode) => {
  const typeInfo = new TypeInfo(schema);
  const refused = new Map<string, ValueNode[]>();
  const check = (node: ValueNode) => {
    const type = getNullableType(typeInfo.getInputType());
    if (!isScalarType(type) || isSpecifiedScalarType(type)) return;
    try {
      type.parseLiteral(node, undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      refused.set(message, [...(refused.get(message) ?? []), node]);
    }
  };
  const visitor = Object.fromEntries(literalKinds.map((kind) => [kind, check]));
  visit(document, visitWithTypeInfo(typeInfo, visitor));
  return refused;
};

/** Names the field of each validation error that came without a node to find it by. */
const nameOrphans = (schema: GraphQLSchema, document: DocumentNode, errors: readonly unknown[]) => {
  const orphans = errors.filter(
    (error): error is GraphQLError => error instanceof GraphQLError && !error.nodes?.length,
  );
  if (orphans.length === 0) return;
  const refused = refusedLiterals(schema, document);
  for (const error of orphans) {
    const node = refused.get(error.message)?.shift();
    const steps = node && stepsIn(document, node);
    if (steps) setExtensions(error, { ...error.extensions, field: pathOf(steps) });
  }
};

/**
 * Gives errors that graphql-js and yoga raise before any resolver runs (parse,
 * validation, variable coercion) the project's stable code VALIDATION, the
 * field they concern (found in the document for literal arguments, whose
 * messages do not name it) and the rule they broke.
 */
export const useValidationCodes = (): Plugin => ({
  onValidate({ params }) {
    return ({ result }) => nameOrphans(params.schema, params.documentAST, result);
  },
  onResultProcess({ result }) {
    const results = Array.isArray(result) ? result : [result];
    for (const single of results) {
      if (single && 'errors' in single && single.errors) {
        for (const error of single.errors) relabel(error as GraphQLError);
      }
    }
  },
});
