import { buildSchema, type GraphQLResolveInfo, graphql } from 'graphql';
import { endpointsOf } from '../../contracts/catalogue/declare.ts';
import { catalogue } from '../../contracts/catalogue/index.ts';
import { selectsField } from '../../gateway/schema/selected.ts';

const schema = buildSchema(`
  type Query { tasks: Connection }
  type Connection { totalCount: Int, items: [Int] }
`);

/** Whether the request selected `totalCount` on `tasks`, as the resolver sees it. */
const asks = async (source: string): Promise<boolean> => {
  let selected: boolean | undefined;
  const rootValue = {
    tasks: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      selected = selectsField(info, 'totalCount');
      return { totalCount: 1, items: [] };
    },
  };
  const result = await graphql({ schema, source, rootValue });
  expect(result.errors).toBeUndefined();
  return selected!;
};

describe('whether a list’s total is asked for', () => {
  it('is yes when the request selects it, directly, by alias or in a fragment', async () => {
    expect(await asks('{ tasks { totalCount items } }')).toBe(true);
    expect(await asks('{ tasks { n: totalCount } }')).toBe(true);
    expect(await asks('{ tasks { ... on Connection { totalCount } } }')).toBe(true);
    expect(await asks('{ tasks { ...F } } fragment F on Connection { items totalCount }')).toBe(
      true,
    );
    expect(await asks('{ tasks { totalCount @include(if: false) } }')).toBe(true);
  });

  it('is no when it selects only the items', async () => {
    expect(await asks('{ tasks { items } }')).toBe(false);
    expect(await asks('{ tasks { ...F } } fragment F on Connection { items }')).toBe(false);
  });

  it('is asked of the task list and the office’s notifications', () => {
    const counted = Object.values(catalogue)
      .flatMap((operation) => endpointsOf(operation))
      .filter((endpoint) => endpoint.field?.totalField === 'totalCount')
      .map((endpoint) => endpoint.action);
    expect(counted.sort()).toEqual(['notifications.list', 'views.tasks']);
  });
});
