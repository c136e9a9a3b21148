import type { GraphQLError } from 'graphql';
import type { Described } from './described.ts';

const request = (field: string, rule: string): Described => ({
  code: 'GRAPHQL_VALIDATION',
  field,
  rule,
});

/**
 * yoga's refusals of a request's shape (BAD_REQUEST), by the part of the
 * request they concern. yoga states that part only in its message, so each is
 * recognised by the start of its message (graphql-yoga 5.x).
 */
const shapes: readonly [RegExp, (match: RegExpExecArray) => Described][] = [
  [/^Must provide query string\.$/, () => request('query', 'is required')],
  [
    /^Expected "(\w+)" param to be a string/,
    ([, part]) => request(part ?? 'body', 'must be a string'),
  ],
  [
    /^Expected "(\w+)" param to be empty or an object/,
    ([, part]) => request(part ?? 'body', 'must be an object'),
  ],
  [
    /^Unexpected parameter "(\w+)" in the request body\.$/,
    ([, part]) => request(part ?? 'body', 'is not a parameter of a GraphQL request'),
  ],
  [/^POST body sent invalid JSON\.$/, () => request('body', 'must be valid JSON')],
  [
    /^POST body is expected to be object|^Expected params to be an object|^Invalid "params"/,
    () => request('body', 'must be a JSON object'),
  ],
  [
    /^GraphQL only supports GET and POST requests\.$/,
    () => request('method', 'must be GET or POST'),
  ],
  [
    /^Can only perform a mutation operation from a POST request\.$/,
    () => request('method', 'must be POST for a mutation'),
  ],
];

const shapeOf = (message: string): Described => {
  for (const [pattern, described] of shapes) {
    const match = pattern.exec(message);
    if (match) return described(match);
  }
  return request('body', 'must be a GraphQL request');
};

/**
 * The GRAPHQL_VALIDATION that a refusal of yoga's stands for, by yoga's code,
 * or null for any other error: a document that does not parse, one no rule
 * tagged (graphql-js's "too many validation errors"), an operation name the
 * document does not hold, a request of the wrong shape. Each is the client's
 * mistake, like the document errors of graphql-js's rules, and has their one
 * code: a parse error is GRAPHQL_VALIDATION too, never GRAPHQL_PARSE_FAILED.
 */
export const describeRequestError = (error: GraphQLError): Described | null => {
  switch (error.extensions.code) {
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      return request('query', 'must be a valid GraphQL document');
    case 'OPERATION_RESOLUTION_FAILURE':
      return request('operationName', 'must name one operation of the document');
    case 'BAD_REQUEST':
      return shapeOf(error.message);
    default:
      return null;
  }
};
