import { createSchema } from 'graphql-yoga';
import type { GatewayContext } from '../../gateway/context.ts';
import { catalogueResolvers } from '../../gateway/schema/forward.ts';
import { resolvers, typeDefs } from '../../gateway/schema/index.ts';

const clockResolvers = catalogueResolvers();

describe('the runClock mutation', () => {
  it('is part of the schema and answers a ClockRun', () => {
    const schema = createSchema({ typeDefs, resolvers });
    const field = schema.getMutationType()?.getFields().runClock;
    expect(String(field?.type)).toBe('ClockRun!');
    expect(field?.args).toEqual([]);
    const run = schema.getType('ClockRun') as { getFields(): Record<string, unknown> };
    expect(Object.keys(run.getFields())).toEqual([
      'day',
      'reminded',
      'overdue',
      'escalated',
      'settled',
      'skipped',
      'failed',
      'signingReminded',
      'signingUrged',
      'reportsMissed',
      'repliesOverdue',
      'lightsChanged',
    ]);
  });

  it('forwards to the supervision service as the caller', async () => {
    const calls: [string, unknown][] = [];
    const ctx: GatewayContext = {
      actor: { id: 'office-1', role: 'office' },
      requestId: 'r1',
      call: async <T>(action: string, params?: Record<string, unknown>) => {
        calls.push([action, params]);
        return { day: '2021-06-28' } as T;
      },
    };
    await expect(clockResolvers.Mutation.runClock!(null, {}, ctx)).resolves.toEqual({
      day: '2021-06-28',
    });
    expect(calls).toEqual([['supervision.runClock', {}]]);
  });
});
