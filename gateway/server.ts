import { createServer, type Server } from 'node:http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Logger, ServiceBroker } from 'moleculer';
import type { GatewayContext } from './context.ts';
import { createContextFactory } from './context.ts';
import { maskError } from './mask-error.ts';
import { useValidationCodes } from './plugins/validation-codes.ts';
import { resolvers, typeDefs } from './schema/index.ts';

export interface GatewayOptions {
  broker: ServiceBroker;
  secret: string;
  graphiql: boolean;
  logger: Logger;
}

const health = async (broker: ServiceBroker) => {
  const checks = ['tasks.health', 'views.health'];
  await Promise.all(checks.map((action) => broker.call(action, {}, { timeout: 2000 })));
};

/** The HTTP front door: GraphQL at /graphql, GraphiQL from local assets, /healthz. */
export const createGatewayServer = (options: GatewayOptions): Server => {
  const yoga = createYoga<object, GatewayContext>({
    schema: createSchema<GatewayContext>({ typeDefs, resolvers }),
    context: createContextFactory(options.broker, options.secret),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ? { title: '督查督办 GraphQL' } : false,
    renderGraphiQL,
    maskedErrors: { maskError },
    landingPage: false,
    plugins: [useValidationCodes()],
    logging: {
      debug: () => undefined,
      info: (...args) => options.logger.info(...args),
      warn: (...args) => options.logger.warn(...args),
      error: (...args) => options.logger.error(...args),
    },
  });

  return createServer(async (request, response) => {
    const url = request.url ?? '/';
    if (url === '/healthz' || url === '/readyz') {
      try {
        await health(options.broker);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } catch (error) {
        options.logger.warn('health check failed', error);
        response
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"status":"unavailable"}');
      }
      return;
    }
    if (url === '/') {
      response.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    await yoga.handle(request, response);
  });
};
