import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceBroker, type ServiceSchema } from 'moleculer';
import { createGatewayServer } from '../../gateway/server.ts';
import { brokerOptions } from '../../moleculer.config.ts';
import { createAuditService } from '../../services/audit/audit.service.ts';
import { auditOptions } from '../../services/audit/audit-options.ts';
import { createBoardsService } from '../../services/boards/boards.service.ts';
import { createDirectoryService } from '../../services/directory/directory.service.ts';
import { createProjectorService } from '../../services/projector/projector.service.ts';
import { createRulesService } from '../../services/rules/rules.service.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ServiceDeps } from '../../services/shared/deps.ts';
import { createSupervisionService } from '../../services/supervision/supervision.service.ts';
import { createTasksService } from '../../services/tasks/tasks.service.ts';
import { createViewsService } from '../../services/views/views.service.ts';
import { loadOrCreateSecret } from '../auth/secret.ts';
import type { Clock } from '../clock/clock.ts';
import { offsetClock, systemClock } from '../clock/clock.ts';
import type { Config } from '../config/config.ts';
import type { Stores } from './stores.ts';
import { openStores } from './stores.ts';

export interface System {
  config: Readonly<Config>;
  broker: ServiceBroker;
  stores: Stores;
  clock: Clock;
  /** The secret tokens are signed with (embedded mode). */
  secret: string;
  /** The HTTP server when this process runs the gateway. */
  server: Server | null;
  /** Base URL of the gateway, e.g. http://127.0.0.1:4000, once started. */
  url: string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type ServiceFactory = (deps: ServiceDeps, config: Readonly<Config>) => ServiceSchema;

const factories: Record<string, ServiceFactory> = {
  tasks: createTasksService,
  directory: createDirectoryService,
  projector: createProjectorService,
  views: createViewsService,
  boards: (deps) => createBoardsService(deps),
  rules: createRulesService,
  audit: (deps, config) => createAuditService({ ...deps, ...auditOptions(config) }),
  supervision: (deps, config) =>
    createSupervisionService(deps, { clockIntervalMs: config.supervisionClockIntervalMs }),
};

/** The composition root: stores, clock, broker, services and gateway from configuration. */
export const createSystem = (
  config: Readonly<Config>,
  overrides: { clock?: Clock } = {},
): System => {
  const stores = openStores(config);
  const clock =
    overrides.clock ?? (config.clock === 'system' ? systemClock : offsetClock(config.clock));
  const deps: ServiceDeps = {
    ...stores,
    clock,
    handle: createCommandHandler({ store: stores.eventStore, clock }),
    projectorPollMs: config.projectorPollMs,
    projectorCoalesceMs: config.projectorCoalesceMs,
    projectorBatchSize: config.projectorBatchSize,
  };
  const broker = new ServiceBroker(brokerOptions(config));
  for (const name of config.services) {
    const factory = factories[name];
    if (factory) broker.createService(factory(deps, config));
  }
  const secret = loadOrCreateSecret(config.dataDir, config.jwtSecret);
  const server = config.services.includes('gateway')
    ? createGatewayServer({
        broker,
        secret,
        graphiql: config.graphiql,
        logger: broker.getLogger('gateway'),
      })
    : null;

  const system: System = {
    config,
    broker,
    stores,
    clock,
    secret,
    server,
    url: null,
    async start() {
      await broker.start();
      if (!server) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      system.url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    },
    async stop() {
      if (server?.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await broker.stop();
      await stores.eventStore.close();
      await stores.readModels.close();
    },
  };
  return system;
};
