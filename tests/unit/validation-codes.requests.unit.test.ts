import { createYoga } from 'graphql-yoga';
import { maskError } from '../../gateway/mask-error.ts';
import { useValidationCodes } from '../../gateway/plugins/validation-codes.ts';
import { inputErrorsSchema as schema } from '../support/input-errors-schema.ts';

/** yoga as the gateway sets it up for input errors, answering in memory. */
const yoga = createYoga({
  schema,
  plugins: [useValidationCodes()],
  maskedErrors: { maskError },
  logging: false,
});

type Answer = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

const answer = async (init: RequestInit, query = ''): Promise<Answer> => {
  const response = await yoga.fetch(`http://gateway/graphql${query}`, init);
  return (await response.json()) as Answer;
};

const posted = (body: string) =>
  answer({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe("yoga's refusals of a request, as clients are told of them", () => {
  it.each([
    [
      'a body without a query',
      () => posted('{}'),
      'Must provide query string.',
      { field: 'query', rule: 'is required' },
    ],
    [
      'a query that is not a string',
      () => posted('{"query": 5}'),
      'Expected "query" param to be a string, but given number.',
      { field: 'query', rule: 'must be a string' },
    ],
    [
      'variables that are not an object',
      () => posted('{"query": "{ me { id } }", "variables": 5}'),
      'Expected "variables" param to be empty or an object, but given number.',
      { field: 'variables', rule: 'must be an object' },
    ],
    [
      'a parameter GraphQL does not have',
      () => posted('{"query": "{ me { id } }", "zebra": 1}'),
      'Unexpected parameter "zebra" in the request body.',
      { field: 'zebra', rule: 'is not a parameter of a GraphQL request' },
    ],
    [
      'a body that is not JSON',
      () => posted('zebra'),
      'POST body sent invalid JSON.',
      { field: 'body', rule: 'must be valid JSON' },
    ],
    [
      'a document that does not parse',
      () => posted('{"query": "{ me { id "}'),
      'Syntax Error: Expected Name, found <EOF>.',
      { field: 'query', rule: 'must be a valid GraphQL document' },
    ],
    [
      'an operation name the document does not hold',
      () => posted('{"query": "query Me { me { id } }", "operationName": "You"}'),
      'Could not determine what operation to execute.',
      { field: 'operationName', rule: 'must name one operation of the document' },
    ],
    [
      'a mutation sent by GET',
      () =>
        answer(
          { method: 'GET' },
          `?query=${encodeURIComponent('mutation { registerTask(input: {title: "t", dueDate: "2021-01-01"}) { id } }')}`,
        ),
      'Can only perform a mutation operation from a POST request.',
      { field: 'method', rule: 'must be POST for a mutation' },
    ],
    [
      'a method GraphQL does not take',
      () => answer({ method: 'PUT' }),
      'GraphQL only supports GET and POST requests.',
      { field: 'method', rule: 'must be GET or POST' },
    ],
    [
      'a document past graphql-js’s error limit',
      () => posted(JSON.stringify({ query: `{ me { ${'zebra '.repeat(101)}} }` })),
      'Too many validation errors, error limit reached. Validation aborted.',
      { field: 'query', rule: 'must be a valid GraphQL document' },
    ],
  ])('of %s is GRAPHQL_VALIDATION naming its part', async (_case, send, message, described) => {
    const { errors = [] } = await send();
    const error = errors.find((each) => each.message === message);
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION', ...described });
  });

  it('keeps the code of an input error that has one', async () => {
    const query = 'query($id: ID!) { task(id: $id) { id } }';
    const { errors } = await posted(JSON.stringify({ query, variables: {} }));
    expect(errors?.[0]?.extensions).toEqual({
      code: 'VALIDATION',
      field: 'id',
      rule: 'is required',
    });
  });
});
