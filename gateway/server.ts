import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Logger, ServiceBroker } from 'moleculer';
import type { Config } from '../infra/config/config.ts';
import { createAuditRoutes } from './audit-routes.ts';
import type { GatewayContext } from './context.ts';
import { createContextFactory } from './context.ts';
import { createGatewayAuthenticator } from './hardening/gateway-auth.ts';
import { hardenYoga } from './hardening/harden.ts';
import { boundInFlight } from './hardening/in-flight.ts';
import { loadGraphiql } from './hardening/load-graphiql.ts';
import { loadConsoleOperations } from './hardening/persisted-operations-file.ts';
import { maskError } from './mask-error.ts';
import { useCompressedAnswers } from './plugins/compressed-answers.ts';
import { useValidationCodes } from './plugins/validation-codes.ts';
import { demoLoginAllowed } from './schema/console/demo-login.ts';
import { createConsoleResolvers } from './schema/console/resolvers.ts';
import { consoleTypeDefs } from './schema/console/type-defs.ts';
import { resolvers, typeDefs } from './schema/index.ts';
import { createStaticConsole } from './static.ts';

export interface GatewayOptions {
  broker: ServiceBroker;
  secret: string;
  graphiql: boolean;
  logger: Logger;
  /** Hand out demo tokens (演示登录); never in production. Default: DEMO_LOGIN, DEMO, --demo. */
  demoLogin?: boolean;
  /** Where the built console is; default `web/dist`. */
  consoleDir?: string;
  /** Token keys and GraphQL limits: the configuration read once at start. */
  config: Readonly<Config>;
  /** Milliseconds for the rate limiter (tests set it). */
  now?: () => number;
}

/**
 * GraphQL at /graphql, GraphiQL from local assets, the console at /, the audit
 * log's checkpoints under /audit/ (see `createAuditRoutes`). The probes
 * (/healthz, /readyz) are answered before this, by the front door in
 * `infra/probes/`, so liveness answers even while NATS is away. GraphQL requests
 * in flight are bounded (GATEWAY_MAX_IN_FLIGHT, see `boundInFlight`).
 */
/** A browser asking for GraphiQL's page (GET, HTML accepted). */
const wantsPage = (request: IncomingMessage): boolean =>
  request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');

export const createGatewayServer = (options: GatewayOptions): Server => {
  const demoLogin = options.demoLogin ?? demoLoginAllowed(process.env, process.argv);
  const consoleDir = options.consoleDir ?? path.resolve('web', 'dist');
  const staticConsole = createStaticConsole(consoleDir);
  const { config } = options;
  const authenticate = createGatewayAuthenticator(options.broker, options.secret, config);
  const hardened = hardenYoga(config, {
    authenticate,
    consoleOperations: loadConsoleOperations(consoleDir),
    ...(options.now ? { now: options.now } : {}),
  });
  // Loaded at start when GRAPHIQL is on, rendered when first asked for.
  const graphiql = loadGraphiql({
    enabled: options.graphiql,
    title: '督查督办 GraphQL',
    logger: options.logger,
  });
  const yoga = createYoga<object, GatewayContext>({
    schema: createSchema<GatewayContext>({
      typeDefs: [...typeDefs, consoleTypeDefs],
      resolvers: [...resolvers, createConsoleResolvers({ ...options, demoLogin })],
    }),
    context: createContextFactory(options.broker, authenticate),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ? async () => (await graphiql) !== null : false,
    renderGraphiQL: async () => (await graphiql)?.().html ?? '',
    // Same origin only, unless CORS_ORIGINS lists others; tokens travel in a
    // header, so no origin is ever allowed credentials.
    cors: (request) => {
      const origin = request.headers.get('origin');
      return origin !== null && config.corsOrigins.includes(origin)
        ? {
            origin,
            credentials: false,
            methods: ['GET', 'POST'],
            allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
          }
        : false;
    },
    maskedErrors: { maskError },
    landingPage: false,
    plugins: [...hardened.plugins, useValidationCodes(), useCompressedAnswers()],
    batching: hardened.batching,
    maxRequestBodySize: hardened.maxRequestBodySize,
    logging: {
      debug: () => undefined,
      info: (...args) => options.logger.info(...args),
      warn: (...args) => options.logger.warn(...args),
      error: (...args) => options.logger.error(...args),
    },
  });

  const auditRoutes = createAuditRoutes(options.broker);
  // The console's files are cheap and cached: only work for the services is bounded.
  const graphql = boundInFlight(config.gatewayMaxInFlight, async (request, response) => {
    if (await auditRoutes.handle(request, response)) return;
    const page = wantsPage(request) ? await graphiql : null;
    if (page) response.setHeader('content-security-policy', page().policy);
    await yoga.handle(request, response);
  });
  return createServer(async (request, response) => {
    if (staticConsole.handle(request, response)) return;
    await graphql(request, response);
  });
};
