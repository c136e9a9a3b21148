import { GraphQLError } from 'graphql';
import type { ServiceBroker } from 'moleculer';
import type { Actor } from '../../../contracts/actor.ts';
import { signToken } from '../../../infra/auth/tokens.ts';
import { type DemoUser, demoUsers } from './demo-login.ts';

export interface ConsoleAreaOptions {
  broker: ServiceBroker;
  secret: string;
  /** Hand out demo tokens; see `demoLoginAllowed`. */
  demoLogin: boolean;
}

/**
 * The directory is read as a reader of the demo, not as the anonymous caller:
 * the caller has no token yet, which is the point of signing in.
 */
const demoReader: Actor = { id: 'demo-login', role: 'inspector', name: '演示登录' };

const refused = () =>
  new GraphQLError('demo sign-in is off (NODE_ENV=production, or DEMO_LOGIN=false)', {
    extensions: { code: 'FORBIDDEN' },
  });

const unknownUser = (sub: string) =>
  new GraphQLError(`input.sub: no demo user ${sub}`, {
    extensions: { code: 'NOT_FOUND', field: 'input.sub', rule: 'must be one of demoUsers' },
  });

/** Demo tokens last a working day, like the `token` script's. */
const demoTokenTtl = '12h';

/** Resolvers of the console area; they need the token secret, so they are made per gateway. */
export const createConsoleResolvers = (options: ConsoleAreaOptions) => {
  const cast = async (): Promise<DemoUser[]> => {
    if (!options.demoLogin) return [];
    const meta = { meta: { actor: demoReader } };
    const [units, officials] = await Promise.all([
      options.broker.call<Parameters<typeof demoUsers>[0], object>('views.units', {}, meta),
      options.broker.call<Parameters<typeof demoUsers>[1], object>('directory.officials', {}, meta),
    ]);
    return demoUsers(units, officials);
  };
  return {
    Query: {
      demoLoginEnabled: () => options.demoLogin,
      demoUsers: cast,
    },
    Mutation: {
      demoSignIn: async (_: unknown, { input }: { input: { sub: string } }) => {
        if (!options.demoLogin) throw refused();
        const user = (await cast()).find((candidate) => candidate.sub === input.sub);
        if (!user) throw unknownUser(input.sub);
        const claims = {
          sub: user.sub,
          role: user.role,
          name: user.name,
          ...(user.unitId ? { unit: user.unitId } : {}),
        };
        const token = await signToken(options.secret, claims, demoTokenTtl);
        const actor: Actor = { id: user.sub, role: user.role, name: user.name };
        if (user.unitId) actor.unitId = user.unitId;
        return { token, actor };
      },
    },
  };
};
