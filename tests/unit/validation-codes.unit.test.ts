import type { GraphQLError } from 'graphql';
import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from 'graphql';
import { describedRules } from '../../gateway/plugins/input-errors/document-rules.ts';
import { reportedBy } from '../../gateway/plugins/input-errors/tagged-rules.ts';
import { taggedRules } from '../../gateway/plugins/validation-codes.ts';
import { inputErrorsSchema as schema } from '../support/input-errors-schema.ts';

const dateRule = 'must be an ISO date YYYY-MM-DD between 2000-01-01 and 2100-12-31';

/** The errors graphql-js's rules find in `document`, each tagged and described. */
const errorsOf = (document: string): readonly GraphQLError[] =>
  validate(schema, parse(document), taggedRules(specifiedRules));

const register = (input: string) => `mutation { registerTask(input: ${input}) { id } }`;

/** A document that breaks one rule, graphql-js's message, and what clients are told. */
const cases: readonly [string, string, string, Record<string, unknown>][] = [
  [
    'ExecutableDefinitionsRule',
    'type Zebra { id: ID } { me { id } }',
    'The "Zebra" definition is not executable.',
    { field: 'Zebra', rule: 'must be an operation or a fragment' },
  ],
  [
    'UniqueOperationNamesRule',
    'query A { me { id } } query A { me { id } }',
    'There can be only one operation named "A".',
    { field: 'A', rule: 'must name one operation only' },
  ],
  [
    'LoneAnonymousOperationRule',
    '{ me { id } } query B { me { id } }',
    'This anonymous operation must be the only defined operation.',
    { field: 'query', rule: 'must hold only one operation when one is anonymous' },
  ],
  [
    'SingleFieldSubscriptionsRule',
    'subscription S { taskChanged { id } taskRemoved { id } }',
    'Subscription "S" must select only one top level field.',
    { field: 'taskRemoved', rule: 'must be the only top-level field of its subscription' },
  ],
  [
    'KnownTypeNamesRule',
    'query($id: Zebra) { task(id: $id) { id } }',
    'Unknown type "Zebra".',
    { field: 'Zebra', rule: 'is not a type of the schema' },
  ],
  [
    'FragmentsOnCompositeTypesRule',
    '{ me { ... on String { id } } }',
    'Fragment cannot condition on non composite type "String".',
    { field: 'String', rule: 'must be an object, interface or union type to hold a fragment' },
  ],
  [
    'VariablesAreInputTypesRule',
    'query($t: Task) { me { id } }',
    'Variable "$t" cannot be non-input type "Task".',
    { field: 't', rule: 'must be of an input type' },
  ],
  [
    'ScalarLeafsRule',
    '{ me }',
    'Field "me" of type "Actor!" must have a selection of subfields. Did you mean "me { ... }"?',
    { field: 'me', rule: 'must select subfields of Actor' },
  ],
  [
    'ScalarLeafsRule',
    '{ me { id { zebra } } }',
    'Field "id" must not have a selection since type "ID!" has no subfields.',
    { field: 'id', rule: 'must not select subfields: ID has none' },
  ],
  [
    'FieldsOnCorrectTypeRule',
    '{ me { zebra } }',
    'Cannot query field "zebra" on type "Actor".',
    { field: 'zebra', rule: 'is not a field of Actor' },
  ],
  [
    'UniqueFragmentNamesRule',
    '{ me { ...F } } fragment F on Actor { id } fragment F on Actor { id }',
    'There can be only one fragment named "F".',
    { field: 'F', rule: 'must name one fragment only' },
  ],
  [
    'KnownFragmentNamesRule',
    '{ me { ...Zebra } }',
    'Unknown fragment "Zebra".',
    { field: 'Zebra', rule: 'is not a fragment of the document' },
  ],
  [
    'NoUnusedFragmentsRule',
    '{ me { id } } fragment Spare on Actor { id }',
    'Fragment "Spare" is never used.',
    { field: 'Spare', rule: 'is never used' },
  ],
  [
    'PossibleFragmentSpreadsRule',
    '{ me { ... on Task { id } } }',
    'Fragment cannot be spread here as objects of type "Actor" can never be of type "Task".',
    { field: 'Task', rule: 'can never apply to an object of type Actor' },
  ],
  [
    'NoFragmentCyclesRule',
    '{ me { ...A } } fragment A on Actor { ...A }',
    'Cannot spread fragment "A" within itself.',
    { field: 'A', rule: 'must not spread itself' },
  ],
  [
    'UniqueVariableNamesRule',
    'query($id: ID!, $id: ID!) { task(id: $id) { id } }',
    'There can be only one variable named "$id".',
    { field: 'id', rule: 'must name one variable only' },
  ],
  [
    'NoUndefinedVariablesRule',
    '{ task(id: $id) { id } }',
    'Variable "$id" is not defined.',
    { field: 'id', rule: 'is not defined by the operation' },
  ],
  [
    'NoUnusedVariablesRule',
    'query($id: ID) { me { id } }',
    'Variable "$id" is never used.',
    { field: 'id', rule: 'is never used' },
  ],
  [
    'KnownDirectivesRule',
    '{ me @zebra { id } }',
    'Unknown directive "@zebra".',
    { field: '@zebra', rule: 'is not a directive of the schema' },
  ],
  [
    'KnownDirectivesRule',
    'query @skip(if: true) { me { id } }',
    'Directive "@skip" may not be used on QUERY.',
    { field: '@skip', rule: 'may not be used here' },
  ],
  [
    'UniqueDirectivesPerLocationRule',
    '{ me @skip(if: true) @skip(if: false) { id } }',
    'The directive "@skip" can only be used once at this location.',
    { field: '@skip', rule: 'may be used only once here' },
  ],
  [
    'KnownArgumentNamesRule',
    '{ me(zebra: true) { id } }',
    'Unknown argument "zebra" on field "Query.me".',
    { field: 'zebra', rule: 'is not an argument of Query.me' },
  ],
  [
    'KnownArgumentNamesRule',
    '{ me @skip(if: true, zebra: 1) { id } }',
    'Unknown argument "zebra" on directive "@skip".',
    { field: 'zebra', rule: 'is not an argument of @skip' },
  ],
  [
    'UniqueArgumentNamesRule',
    '{ task(id: "a", id: "b") { id } }',
    'There can be only one argument named "id".',
    { field: 'id', rule: 'must be given only once' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    '{ task(id: 1.5) { id } }',
    'ID cannot represent a non-string and non-integer value: 1.5',
    { field: 'id', rule: 'must be a value of type ID' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    register('{title: "t", dueDate: "2021-01-01", post: MAYOR}'),
    'Value "MAYOR" does not exist in "Post" enum.',
    { field: 'post', rule: 'must be a value of the enum Post' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    register('{title: "t", dueDate: "2021-01-01", zebra: 1}'),
    'Field "zebra" is not defined by type "RegisterTaskInput".',
    { field: 'zebra', rule: 'is not a field of RegisterTaskInput' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    register('{title: null, dueDate: "2021-01-01"}'),
    'Expected value of type "String!", found null.',
    { field: 'title', rule: 'must not be null' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    register('5'),
    'Expected value of type "RegisterTaskInput!", found 5.',
    { field: 'input', rule: 'must be an object of type RegisterTaskInput' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    register(
      '{title: "t", dueDate: "2021-01-01", items: [{name: "a"}, {name: "b", size: 3000000000}]}',
    ),
    'Int cannot represent non 32-bit signed integer value: 3000000000',
    { field: 'items[1].size', rule: 'must be a value of type Int' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    register('{title: "t", dueDate: "2021-01-01", items: [{size: 1}]}'),
    'Field "ItemInput.name" of required type "String!" was not provided.',
    { field: 'items[0].name', rule: 'is required' },
  ],
  [
    'ValuesOfCorrectTypeRule',
    'query($first: Int = "many") { tasks(first: $first) { id } }',
    'Int cannot represent non-integer value: "many"',
    { field: 'first', rule: 'must be a value of type Int' },
  ],
  [
    'ProvidedRequiredArgumentsRule',
    '{ task { id } }',
    'Field "task" argument "id" of type "ID!" is required, but it was not provided.',
    { field: 'id', rule: 'is required' },
  ],
  [
    'ProvidedRequiredArgumentsRule',
    '{ me @only { id } }',
    'Directive "@only" argument "reason" of type "String!" is required, but it was not provided.',
    { field: 'reason', rule: 'is required' },
  ],
  [
    'VariablesInAllowedPositionRule',
    'query($id: ID) { task(id: $id) { id } }',
    'Variable "$id" of type "ID" used in position expecting type "ID!".',
    { field: 'id', rule: 'must have a type that fits where it is used' },
  ],
  [
    'OverlappingFieldsCanBeMergedRule',
    '{ a: me { id } a: task(id: "x") { id } }',
    'Fields "a" conflict because "me" and "task" are different fields. Use different aliases on the fields to fetch both if this was intentional.',
    { field: 'a', rule: 'must not name two different fields' },
  ],
  [
    'UniqueInputFieldNamesRule',
    register('{title: "t", title: "u", dueDate: "2021-01-01"}'),
    'There can be only one input field named "title".',
    { field: 'title', rule: 'must be given only once' },
  ],
  [
    'MaxIntrospectionDepthRule',
    '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
    'Maximum introspection depth exceeded',
    { field: '__schema', rule: 'must not nest introspection this deep' },
  ],
];

describe("graphql-js's validation rules, as clients are told of them", () => {
  it.each(cases)(
    '%s reports %j with the message the mapping was written against',
    (rule, document, message, described) => {
      const error = errorsOf(document).find((each) => reportedBy(each) === rule);
      expect(error?.message).toBe(message);
      expect(error?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION', ...described });
    },
  );

  it('describes every rule graphql-js specifies, and only those', () => {
    expect([...describedRules].sort()).toEqual(specifiedRules.map((rule) => rule.name).sort());
  });

  it('names each required field an input object literal leaves out, in turn', () => {
    const errors = errorsOf(register('{note: "n"}'));
    expect(errors.map((error) => error.message)).toEqual([
      'Field "RegisterTaskInput.title" of required type "String!" was not provided.',
      'Field "RegisterTaskInput.dueDate" of required type "Date!" was not provided.',
    ]);
    expect(errors.map((error) => error.extensions.field)).toEqual(['title', 'dueDate']);
  });

  it('names each required argument a field leaves out, in turn', () => {
    const errors = errorsOf('{ taskTitled { id } }');
    expect(errors.map((error) => error.extensions.field)).toEqual(['id', 'title']);
  });

  it('tells a literal the Date scalar refuses as VALIDATION with its rule, and locates it', () => {
    const [error, ...more] = errorsOf(register('{title: "t", dueDate: 5}'));
    expect(more).toEqual([]);
    expect(reportedBy(error as GraphQLError)).toBe('ValuesOfCorrectTypeRule');
    expect(error?.message).toBe(`${dateRule}, got undefined`);
    expect(error?.extensions).toEqual({ code: 'VALIDATION', field: 'dueDate', rule: dateRule });
    expect(error?.locations).toEqual([{ line: 1, column: 54 }]);
  });

  it('leaves rules of its own as they are', () => {
    expect(taggedRules([NoDeprecatedCustomRule])).toEqual([NoDeprecatedCustomRule]);
  });

  it('tags each rule once, under its own name', () => {
    const [first] = taggedRules(specifiedRules);
    expect(taggedRules(specifiedRules)[0]).toBe(first);
    expect(first?.name).toBe(specifiedRules[0]?.name);
  });
});
