import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/**
 * The two kinds of refusal before any service acts: a document GraphQL itself
 * finds wrong (a client's mistake, GRAPHQL_VALIDATION) and a value that does not
 * satisfy what the input declares (the user's, VALIDATION). Both name the field
 * and the rule. Written against fields unlikely to change: `me`, `task(id:)`
 * and `registerTask(input:)`.
 */
describe('a refusal before any service acts', () => {
  let sys: TestSystem;
  let office: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
  });
  afterAll(() => sys.stop());

  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${sys.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  };

  describe('of a document GraphQL finds wrong', () => {
    it.each([
      ['that does not parse', '{ me { id ', 'query', 'must be a valid GraphQL document'],
      [
        'asking for an unknown field',
        '{ me { id nickname } }',
        'nickname',
        'is not a field of Actor',
      ],
      [
        'giving an unknown argument',
        '{ me(verbose: true) { id } }',
        'verbose',
        'is not an argument of Query.me',
      ],
      ['leaving out a required argument', '{ task { id } }', 'id', 'is required'],
      [
        'writing a literal of the wrong type',
        '{ task(id: 1.5) { id } }',
        'id',
        'must be a value of type ID',
      ],
      [
        'declaring a variable of an unknown type',
        'query($id: Identifier!) { task(id: $id) { id } }',
        'Identifier',
        'is not a type of the schema',
      ],
      [
        'spreading an unknown fragment',
        '{ me { ...Person } }',
        'Person',
        'is not a fragment of the document',
      ],
      [
        'using an unknown directive',
        '{ me @cached { id } }',
        '@cached',
        'is not a directive of the schema',
      ],
      ['declaring a variable it never uses', 'query($id: ID) { me { id } }', 'id', 'is never used'],
      [
        'using a variable it does not declare',
        '{ task(id: $id) { id } }',
        'id',
        'is not defined by the operation',
      ],
      ['selecting no subfields of an object', '{ me }', 'me', 'must select subfields of Actor'],
    ])(
      '%s is GRAPHQL_VALIDATION naming the field and the rule',
      async (_case, query, field, rule) => {
        const answer = await sys.gql(query, {}, office);
        expect(answer.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION', field, rule });
      },
    );

    it('is answered the same when yoga has the document validated already', async () => {
      const query = '{ me { id nickname } }';
      const [first, again] = [await sys.gql(query, {}, office), await sys.gql(query, {}, office)];
      expect(again.errors).toEqual(first.errors);
    });

    it('that is not a document at all is GRAPHQL_VALIDATION naming the query', async () => {
      expect((await post({ variables: {} })).errors?.[0]?.extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION',
        field: 'query',
        rule: expect.stringMatching(/required$/),
      });
    });

    it('that does not hold the operation named is GRAPHQL_VALIDATION naming operationName', async () => {
      const answer = await post({ query: 'query Me { me { id } }', operationName: 'You' });
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION',
        field: 'operationName',
      });
    });
  });

  describe('of a value the input does not accept', () => {
    const taskById = 'query($id: ID!) { task(id: $id) { id } }';
    const registerTask =
      'mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }';
    const input = { title: '任务', plannedStart: '2021-01-01', dueDate: '2021-12-31' };

    it.each([
      ['a variable left out', taskById, {}, 'id', 'is required'],
      ['a variable that is null', taskById, { id: null }, 'id', 'must not be null'],
      [
        'a variable of the wrong type',
        taskById,
        { id: { a: 1 } },
        'id',
        'must be a value of type ID',
      ],
      [
        'an unknown field in an input',
        registerTask,
        { input: { ...input, nickname: 'x' } },
        'nickname',
        'is not a field of RegisterTaskInput',
      ],
      [
        'a field of an input left out',
        registerTask,
        { input: { ...input, title: undefined } },
        'title',
        'is required',
      ],
    ])(
      'in %s is VALIDATION naming the field and the rule',
      async (_case, query, variables, field, rule) => {
        const before = await sys.lastPosition();
        const answer = await sys.gql(query, variables, office);
        expect(answer.errors?.[0]?.extensions).toEqual({ code: 'VALIDATION', field, rule });
        expect(await sys.lastPosition()).toBe(before);
      },
    );

    it.each([
      ['in a variable', registerTask, { input: { ...input, dueDate: 5 } }],
      [
        'written in the document',
        'mutation { registerTask(input: {title: "t", plannedStart: "2021-01-01", dueDate: 5}) { id } }',
        {},
      ],
    ])(
      'refused by the Date scalar %s is VALIDATION naming the field',
      async (_case, query, variables) => {
        const answer = await sys.gql(query, variables, office);
        expect(answer.errors?.[0]?.extensions).toEqual({
          code: 'VALIDATION',
          field: 'dueDate',
          rule: expect.stringMatching(/^must be an ISO date/),
        });
      },
    );

    it('refused by the service is VALIDATION naming the field', async () => {
      const answer = await sys.gql(
        registerTask,
        { input: { ...input, dueDate: '2020-12-31' } },
        office,
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION',
        field: 'dueDate',
      });
    });
  });
});
