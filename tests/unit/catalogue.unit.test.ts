import { readFileSync } from 'node:fs';
import { type GraphQLInputObjectType, getNamedType } from 'graphql';
import { createSchema } from 'graphql-yoga';
import type { CommandOperation, Operation } from '../../contracts/catalogue/declare.ts';
import { endpointsOf } from '../../contracts/catalogue/declare.ts';
import { catalogue } from '../../contracts/catalogue/index.ts';
import { consolePermissionsFile, permissionsSource } from '../../contracts/permissions.ts';
import { resolvers, typeDefs } from '../../gateway/schema/index.ts';
import { requirementOf } from '../../services/tasks/domain/requirements.ts';

const schema = createSchema({ typeDefs, resolvers });
const operations = Object.entries(catalogue) as [string, Operation][];
const commands = operations.filter(
  (entry): entry is [string, CommandOperation] => 'command' in entry[1],
);

/** Root fields that belong to no operation: who-am-I only. */
const ownFields = new Set(['Query.me']);

const rootFields = (root: 'Query' | 'Mutation'): string[] => {
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return Object.keys(type?.getFields() ?? {}).map((name) => `${root}.${name}`);
};

const declaredFields = operations.flatMap(([, operation]) =>
  endpointsOf(operation).flatMap(({ field }) => (field ? [`${field.root}.${field.name}`] : [])),
);

describe('the catalogue and the GraphQL schema', () => {
  it.each(declaredFields)('has the field %s that an operation declares', (field) => {
    expect([...rootFields('Query'), ...rootFields('Mutation')]).toContain(field);
  });

  it.each([...rootFields('Query'), ...rootFields('Mutation')].filter((f) => !ownFields.has(f)))(
    'declares an operation for the field %s',
    (field) => {
      expect(declaredFields).toContain(field);
    },
  );

  it.each(commands.filter(([, operation]) => operation.mutation))(
    'gives %s an SDL input with exactly the keys of its input schema',
    (_, operation) => {
      const field = schema.getMutationType()?.getFields()[operation.mutation as string];
      const input = field?.args.find((arg) => arg.name === 'input');
      const type = getNamedType(input?.type) as GraphQLInputObjectType;
      expect(Object.keys(type.getFields()).sort()).toEqual(
        Object.keys(operation.input.shape).sort(),
      );
    },
  );
});

describe('the catalogue and the deciders', () => {
  it.each(commands.filter(([, operation]) => operation.action.startsWith('tasks.')))(
    'gives the task decider the requirements of %s',
    (_, operation) => {
      const requirement = requirementOf(operation.command as never);
      expect([...requirement.roles].sort()).toEqual(
        [...Object.keys(operation.roles), ...(operation.byClock ? ['system'] : [])].sort(),
      );
    },
  );

  it('names every action once', () => {
    const actions = operations.flatMap(([, operation]) =>
      endpointsOf(operation).map(({ action }) => action),
    );
    expect(new Set(actions).size).toBe(actions.length);
  });
});

describe("the console's copy of the permission table", () => {
  it('is generated from the catalogue as it stands (npm run permissions:console)', () => {
    expect(readFileSync(consolePermissionsFile, 'utf8')).toBe(permissionsSource());
  });
});
