import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceBroker, type ServiceSchema } from 'moleculer';
import { createGatewayServer } from '../../gateway/server.ts';
import { brokerOptions, natsOptions, redactedTransporter } from '../../moleculer.config.ts';
import { createAuditService } from '../../services/audit/audit.service.ts';
import { auditOptions } from '../../services/audit/audit-options.ts';
import { createBoardsService } from '../../services/boards/boards.service.ts';
import { createDirectoryService } from '../../services/directory/directory.service.ts';
import { createProjectorService } from '../../services/projector/projector.service.ts';
import { createRulesService } from '../../services/rules/rules.service.ts';
import { awaitTransporter } from '../../services/shared/await-transporter.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ServiceDeps } from '../../services/shared/deps.ts';
import type { Leadership } from '../../services/shared/leadership.ts';
import { alwaysLeading, createLeadership } from '../../services/shared/leadership.ts';
import { createFrontDoor, createProbeHandler } from '../../services/shared/probes.ts';
import { retryWithBackoff } from '../../services/shared/retry-with-backoff.ts';
import { createSupervisionService } from '../../services/supervision/supervision.service.ts';
import { createTasksService } from '../../services/tasks/tasks.service.ts';
import { createViewsService } from '../../services/views/views.service.ts';
import { loadOrCreateSecret } from '../auth/secret.ts';
import type { Clock } from '../clock/clock.ts';
import { offsetClock, systemClock } from '../clock/clock.ts';
import type { Config } from '../config/config.ts';
import { openLeaseStore } from '../lease/open-lease-store.ts';
import type { LeaseName, LeaseStore } from '../lease/port.ts';
import type { Stores } from './stores.ts';
import { openStores, verifyStores } from './stores.ts';

export interface System {
  config: Readonly<Config>;
  broker: ServiceBroker;
  stores: Stores;
  clock: Clock;
  /** The secret tokens are signed with (embedded mode). */
  secret: string;
  /** The HTTP server: the gateway with its probes, or only the probes on HEALTH_PORT. */
  server: Server | null;
  /** Base URL of the gateway, e.g. http://127.0.0.1:4000, once started. */
  url: string | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The campaign for one lease (or, with no lease store, a role that always leads). */
type Campaign = (name: LeaseName) => Leadership;

type ServiceFactory = (
  deps: ServiceDeps,
  config: Readonly<Config>,
  campaign: Campaign,
) => ServiceSchema;

/** Services with a role that runs on one node at a time. */
const leasedServices = ['projector', 'audit', 'supervision'];

const factories: Record<string, ServiceFactory> = {
  tasks: createTasksService,
  directory: createDirectoryService,
  projector: (deps, _config, campaign) =>
    createProjectorService(deps, { leadership: campaign('projector') }),
  views: createViewsService,
  boards: (deps) => createBoardsService(deps),
  rules: createRulesService,
  audit: (deps, config, campaign) =>
    createAuditService({ ...deps, ...auditOptions(config) }, { leadership: campaign('audit') }),
  supervision: (deps, config, campaign) =>
    createSupervisionService(deps, {
      clockIntervalMs: config.supervisionClockIntervalMs,
      leadership: campaign('clock'),
    }),
};

const openLeases = (config: Readonly<Config>): LeaseStore | null =>
  config.services.some((name) => leasedServices.includes(name))
    ? openLeaseStore(config.lease.store, { dataDir: config.dataDir, nats: natsOptions(config) })
    : null;

/** Each lease's holder is this process: node id and broker instance, unique across restarts. */
const campaigns =
  (config: Readonly<Config>, broker: ServiceBroker, leases: LeaseStore | null): Campaign =>
  (name) =>
    leases
      ? createLeadership({
          store: leases,
          name,
          holder: `${broker.nodeID}/${broker.instanceID}`,
          ttlMs: config.lease.ttlMs,
          renewMs: config.lease.renewMs,
          logger: broker.getLogger('lease'),
        })
      : alwaysLeading();

const listen = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

/**
 * Waits for NATS before the broker starts (see `awaitTransporter`); false when
 * stopped first. With no transporter there is nothing to wait for.
 */
const transporterReady = (config: Readonly<Config>, broker: ServiceBroker, signal: AbortSignal) => {
  const connection = natsOptions(config);
  if (!connection) return Promise.resolve(true);
  return awaitTransporter({
    connection,
    shown: redactedTransporter(config.transporter),
    logger: broker.getLogger('transporter'),
    signal,
  });
};

/**
 * Waits until both stores answer (see `verifyStores`: the message names
 * EVENT_STORE_URL, READ_MODEL_STORE_URL or DATA_DIR), retrying with backoff;
 * false when stopped first. A node running only the gateway uses no store.
 */
const storesReady = (
  config: Readonly<Config>,
  stores: Stores,
  broker: ServiceBroker,
  signal: AbortSignal,
) => {
  if (config.services.every((name) => name === 'gateway')) return Promise.resolve(true);
  return retryWithBackoff({
    attempt: () => verifyStores(stores, config),
    explain: (error) => (error instanceof Error ? error.message : String(error)),
    recovered: 'the event store and the read models answer',
    logger: broker.getLogger('stores'),
    signal,
  });
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
  const leases = openLeases(config);
  const campaign = campaigns(config, broker, leases);
  for (const name of config.services) {
    const factory = factories[name];
    if (factory) broker.createService(factory(deps, config, campaign));
  }
  const secret = loadOrCreateSecret(config.dataDir, config.jwtSecret);
  const gateway = config.services.includes('gateway')
    ? createGatewayServer({
        broker,
        secret,
        graphiql: config.graphiql,
        logger: broker.getLogger('gateway'),
        config,
      })
    : null;
  // Probes answer before the gateway sees a request: liveness while NATS is still away.
  const server =
    gateway || config.healthPort > 0
      ? createFrontDoor(createProbeHandler(broker, gateway !== null), gateway)
      : null;
  const stopping = new AbortController();
  let starting: Promise<void> | null = null;

  const system: System = {
    config,
    broker,
    stores,
    clock,
    secret,
    server,
    url: null,
    async start() {
      if (server) {
        await listen(server, gateway ? config.port : config.healthPort, config.host);
        const { port } = server.address() as AddressInfo;
        const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
        if (gateway) system.url = url;
      }
      if (!(await transporterReady(config, broker, stopping.signal))) return;
      if (!(await storesReady(config, stores, broker, stopping.signal))) return;
      starting = broker.start();
      await starting;
    },
    async stop() {
      stopping.abort();
      if (server?.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      if (starting) {
        await starting.catch(() => undefined);
        await broker.stop();
      }
      await stores.eventStore.close();
      await stores.readModels.close();
      await leases?.close();
    },
  };
  return system;
};
