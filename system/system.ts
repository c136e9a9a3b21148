import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceBroker } from 'moleculer';
import { createGatewayServer } from '../gateway/server.ts';
import { loadOrCreateSecret } from '../infra/auth/secret.ts';
import type { Clock } from '../infra/clock/clock.ts';
import { offsetClock, systemClock } from '../infra/clock/clock.ts';
import type { Config } from '../infra/config/config.ts';
import { createFrontDoor, createProbeHandler } from '../infra/probes/probes.ts';
import type { Stores } from '../infra/stores/stores.ts';
import { openStores } from '../infra/stores/stores.ts';
import { brokerOptions } from '../moleculer.config.ts';
import { createCommandHandler } from '../services/shared/command-handler.ts';
import type { ServiceDeps } from '../services/shared/deps.ts';
import { campaigns, openLeases } from './leases.ts';
import { serviceFactories } from './services.ts';
import { storesReady, transporterReady } from './start-up.ts';

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

const listen = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

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
    const factory = serviceFactories[name];
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
