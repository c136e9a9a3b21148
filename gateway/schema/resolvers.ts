import { randomUUID } from 'node:crypto';
import type { GatewayContext } from '../context.ts';
import { requireActor } from '../context.ts';
import { DateScalar, DateTimeScalar, JSONScalar } from '../scalars.ts';

type Args = Record<string, unknown>;
type Input = { input: Record<string, unknown> };

/**
 * A mutation field forwarding its input to one service action. Without a client
 * key the gateway names the attempt itself, so a broker-level retry stays idempotent.
 */
const command =
  (action: string) =>
  (_: unknown, { input }: Input, ctx: GatewayContext) =>
    ctx.call(action, { ...input, idempotencyKey: input.idempotencyKey ?? randomUUID() });

/** A query field forwarding its arguments to one service action. */
const query =
  (action: string, params: (args: Args) => Args = (args) => args) =>
  (_: unknown, args: Args, ctx: GatewayContext) =>
    ctx.call(action, params(args));

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    me: (_: unknown, __: Args, ctx: GatewayContext) => requireActor(ctx),
    task: query('views.task'),
    tasks: query('views.tasks'),
    units: query('views.units'),
    taskHistory: query('views.taskHistory', (args) => ({ id: args.taskId })),
  },
  Mutation: {
    registerUnit: command('directory.registerUnit'),
    registerTask: command('tasks.registerTask'),
    assignTask: command('tasks.assignTask'),
    planMilestone: command('tasks.planMilestone'),
    reportProgress: command('tasks.reportProgress'),
    completeMilestone: command('tasks.completeMilestone'),
    reportBlockage: command('tasks.reportBlockage'),
    resolveBlockage: command('tasks.resolveBlockage'),
  },
};
