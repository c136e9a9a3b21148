import { randomUUID } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { CommandOperation, Endpoint } from '../../contracts/catalogue/declare.ts';
import { endpointsOf } from '../../contracts/catalogue/declare.ts';
import { catalogue } from '../../contracts/catalogue/index.ts';
import type { GatewayContext } from '../context.ts';
import { selectsField } from './selected.ts';

type Args = Record<string, unknown>;
type Resolver = (
  parent: unknown,
  args: Args,
  ctx: GatewayContext,
  info?: GraphQLResolveInfo,
) => Promise<unknown>;

/**
 * A mutation field forwarding its input to one command action. Without a client
 * key the gateway names the attempt itself, so a broker-level retry stays idempotent.
 */
const command =
  (action: string): Resolver =>
  (_, args, ctx) => {
    const input = args.input as Args;
    return ctx.call(action, { ...input, idempotencyKey: input.idempotencyKey ?? randomUUID() });
  };

/**
 * A field forwarding its arguments, mapped as the endpoint says, to one action;
 * a list whose total is not asked for is not counted.
 */
const forward =
  ({ action, field }: Endpoint): Resolver =>
  (_, args, ctx, info) => {
    const params = field?.params ? field.params(args) : args;
    const uncounted = info && field?.totalField && !selectsField(info, field.totalField);
    return ctx.call(action, uncounted ? { ...params, withTotal: false } : params);
  };

const isCommand = (operation: object): operation is CommandOperation => 'command' in operation;

/**
 * The root fields of every operation in the catalogue, each forwarding to its
 * action: the resolvers no area writes by hand.
 */
export const catalogueResolvers = (): {
  Query: Record<string, Resolver>;
  Mutation: Record<string, Resolver>;
} => {
  const roots = { Query: {} as Record<string, Resolver>, Mutation: {} as Record<string, Resolver> };
  for (const operation of Object.values(catalogue)) {
    for (const endpoint of endpointsOf(operation)) {
      if (!endpoint.field) continue;
      roots[endpoint.field.root][endpoint.field.name] = isCommand(operation)
        ? command(endpoint.action)
        : forward(endpoint);
    }
  }
  return roots;
};
