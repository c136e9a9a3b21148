import type { ExecutionResult, FieldNode, OperationDefinitionNode } from 'graphql';
import { execute, GraphQLError, getVariableValues, parse } from 'graphql';
import { describeArgumentError } from '../../gateway/plugins/input-errors/argument-values.ts';
import {
  describeVariableError,
  fieldInMessage,
  stepsInMessage,
} from '../../gateway/plugins/input-errors/variable-values.ts';
import { inputErrorsSchema as schema } from '../support/input-errors-schema.ts';

const dateRule = 'must be an ISO date YYYY-MM-DD between 2000-01-01 and 2100-12-31';
const taskById = 'query($id: ID!) { task(id: $id) { id } }';
const registerTask = 'mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }';
const input = { title: 't', dueDate: '2021-01-01' };

/** The errors graphql-js's getVariableValues finds, with at most `maxErrors` of them. */
const coercionErrors = (
  document: string,
  variables: Record<string, unknown>,
  maxErrors = 50,
): readonly GraphQLError[] => {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
    maxErrors,
  });
  return coerced.errors ?? [];
};

describe("graphql-js's variable coercion, as clients are told of it", () => {
  it.each([
    [
      'a variable left out',
      taskById,
      {},
      'Variable "$id" of required type "ID!" was not provided.',
      { field: 'id', rule: 'is required' },
    ],
    [
      'a variable that is null',
      taskById,
      { id: null },
      'Variable "$id" of non-null type "ID!" must not be null.',
      { field: 'id', rule: 'must not be null' },
    ],
    [
      'a variable of the wrong type',
      taskById,
      { id: { a: 1 } },
      'Variable "$id" got invalid value { a: 1 }; ID cannot represent value: { a: 1 }',
      { field: 'id', rule: 'must be a value of type ID' },
    ],
    [
      'a value of the wrong type in a list of inputs',
      registerTask,
      { input: { ...input, items: [{ name: 'a' }, { name: 'b', size: 'big' }] } },
      'Variable "$input" got invalid value "big" at "input.items[1].size"; Int cannot represent non-integer value: "big"',
      { field: 'items[1].size', rule: 'must be a value of type Int' },
    ],
    [
      'a single value given for a list',
      registerTask,
      { input: { ...input, items: { name: 'b', size: 'big' } } },
      'Variable "$input" got invalid value "big" at "input.items.size"; Int cannot represent non-integer value: "big"',
      { field: 'items.size', rule: 'must be a value of type Int' },
    ],
    [
      'a required field left out of a list item',
      registerTask,
      { input: { ...input, items: [{ size: 1 }] } },
      'Variable "$input" got invalid value { size: 1 } at "input.items[0]"; Field "name" of required type "String!" was not provided.',
      { field: 'items[0].name', rule: 'is required' },
    ],
    [
      'a field the input does not have',
      registerTask,
      { input: { ...input, zebra: 1 } },
      'Variable "$input" got invalid value { title: "t", dueDate: "2021-01-01", zebra: 1 }; Field "zebra" is not defined by type "RegisterTaskInput".',
      { field: 'zebra', rule: 'is not a field of RegisterTaskInput' },
    ],
    [
      'a value quoting a path of its own',
      registerTask,
      { input: { ...input, note: 'meet at "input.title"', zebra: 1 } },
      'Variable "$input" got invalid value { title: "t", dueDate: "2021-01-01", note: "meet at \\"input.title\\"", zebra: 1 }; Field "zebra" is not defined by type "RegisterTaskInput".',
      { field: 'zebra', rule: 'is not a field of RegisterTaskInput' },
    ],
    [
      'a value not of the enum',
      registerTask,
      { input: { ...input, post: 'MAYOR' } },
      'Variable "$input" got invalid value "MAYOR" at "input.post"; Value "MAYOR" does not exist in "Post" enum.',
      { field: 'post', rule: 'must be a value of the enum Post' },
    ],
    [
      'a null for a non-null field',
      registerTask,
      { input: { ...input, title: null } },
      'Variable "$input" got invalid value null at "input.title"; Expected non-nullable type "String!" not to be null.',
      { field: 'title', rule: 'must not be null' },
    ],
    [
      'a value where an input object belongs',
      registerTask,
      { input: 5 },
      'Variable "$input" got invalid value 5; Expected type "RegisterTaskInput" to be an object.',
      { field: 'input', rule: 'must be an object of type RegisterTaskInput' },
    ],
  ])('in %s is VALIDATION naming the field', (_case, document, variables, message, described) => {
    const [error] = coercionErrors(document, variables);
    expect(error?.message).toBe(message);
    expect(error && describeVariableError(error, schema, variables)).toEqual({
      code: 'VALIDATION',
      ...described,
    });
  });

  it('in a day the Date scalar refuses is VALIDATION with the scalar’s rule', () => {
    const variables = { input: { ...input, dueDate: 5 } };
    const [error] = coercionErrors(registerTask, variables);
    expect(error?.message).toBe(
      `Variable "$input" got invalid value 5 at "input.dueDate"; ${dateRule}, got 5`,
    );
    expect(error && describeVariableError(error, schema, variables)).toEqual({
      code: 'VALIDATION',
      field: 'dueDate',
      rule: dateRule,
    });
  });

  it('past the error limit names the variables as a whole', () => {
    const variables = { input: { ...input, title: 1.5, dueDate: 5 } };
    const errors = coercionErrors(registerTask, variables, 1);
    expect(errors.map((error) => error.message)).toEqual([
      'Variable "$input" got invalid value 1.5 at "input.title"; String cannot represent a non string value: 1.5',
      'Too many errors processing variables, error limit reached. Execution aborted.',
    ]);
    expect(errors[1] && describeVariableError(errors[1], schema, variables)).toEqual({
      code: 'VALIDATION',
      field: 'variables',
      rule: 'must not hold this many invalid values',
    });
  });
});

describe('the path a coercion message gives', () => {
  const inner = 'Int cannot represent non-integer value: "x"';

  it.each([
    ['the variable itself', `Variable "$i" got invalid value "x"; ${inner}`, []],
    ['a field', `Variable "$i" got invalid value "x" at "i.size"; ${inner}`, ['size']],
    [
      'fields and indexes',
      `Variable "$i" got invalid value "x" at "i.items[0].size"; ${inner}`,
      ['items', 0, 'size'],
    ],
    ['a message of another shape', 'Something else entirely.', []],
    ['a path not of the variable', `Variable "$i" got invalid value "x" at "j.size"; ${inner}`, []],
  ])('to %s is read from its end', (_case, message, steps) => {
    expect(stepsInMessage(message, 'i', inner)).toEqual(steps);
  });

  it.each([
    ['Field "title" of required type "String!" was not provided.', 'title'],
    ['Field "zebra" is not defined by type "RegisterTaskInput".', 'zebra'],
    ['Expected type "RegisterTaskInput" to be an object.', undefined],
  ])('names the field of %j', (message, field) => {
    expect(fieldInMessage(message)).toBe(field);
  });
});

describe("graphql-js's argument coercion while executing", () => {
  it('of a variable with a default given null where null is refused is VALIDATION naming the argument', async () => {
    const document = parse('query($id: ID = "t1") { task(id: $id) { id } }');
    const variableValues = { id: null };
    const result = (await execute({ schema, document, variableValues })) as ExecutionResult;
    const [error] = result.errors ?? [];
    expect(error?.message).toBe('Argument "id" of non-null type "ID!" must not be null.');
    expect(error && describeArgumentError(error, document, variableValues)).toEqual({
      code: 'VALIDATION',
      field: 'id',
      rule: 'must not be null',
    });
  });

  const document = parse('{ task(id: "t1") { id } }');
  const operation = document.definitions[0] as OperationDefinitionNode;
  const task = operation.selectionSet.selections[0] as FieldNode;
  const nodes = task.arguments?.[0]?.value;

  it.each([
    [
      'a typed error of a service',
      new GraphQLError('no', { nodes, extensions: { code: 'FORBIDDEN' } }),
    ],
    [
      'an error with a cause of its own',
      new GraphQLError('no', { nodes, originalError: new Error('boom') }),
    ],
    ['a bug', new Error('boom')],
  ])('leaves %s to the resolvers', (_case, cause) => {
    const error = new GraphQLError(cause.message, { path: ['task'], originalError: cause });
    expect(describeArgumentError(error, document, {})).toBeNull();
  });
});
