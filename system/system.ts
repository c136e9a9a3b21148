import type { Server } from 'node:http';
import { ServiceBroker } from 'moleculer';
import { createGatewayServer } from '../gateway/server.ts';
import { createAuditAlarm } from '../infra/audit/alarm.ts';
import { loadOrCreateSecret } from '../infra/auth/secret.ts';
import type { Clock } from '../infra/clock/clock.ts';
import { clockOf } from '../infra/clock/clock.ts';
import type { Config } from '../infra/config/config.ts';
import type { EventStore } from '../infra/event-store/port.ts';
import { AssertingContext, actorAssertions } from '../infra/identity/assertion-middleware.ts';
import { loadNodeIdentity } from '../infra/identity/node-identity.ts';
import { signedPackets } from '../infra/identity/signed-packets.ts';
import { loadBusKey } from '../infra/keys/bus-key.ts';
import { loadWriteKey, writeKeysOf } from '../infra/keys/writer-key.ts';
import { createCatchUpReport, startUpCatchUp } from '../infra/probes/catch-up.ts';
import type { FrontDoor } from '../infra/probes/front-door.ts';
import {
  baseUrl,
  createFrontDoor,
  frontDoorOptions,
  frontDoorPort,
  listen,
} from '../infra/probes/front-door.ts';
import { createProbeHandler } from '../infra/probes/probes.ts';
import { describeProblem, storeProblems } from '../infra/stores/store-health.ts';
import type { WatchedStores } from '../infra/stores/stores.ts';
import { openStores } from '../infra/stores/stores.ts';
import { brokerOptions } from '../moleculer.config.ts';
import { createCommandHandler } from '../services/shared/command-handler.ts';
import type { ServiceDeps } from '../services/shared/deps.ts';
import { campaigns, openLeases } from './leases.ts';
import { pagesInTurns } from './pages-in-turns.ts';
import { serviceFactories } from './services.ts';
import { logTailChecked, storesReady, transporterReady } from './start-up.ts';

export interface System {
  config: Readonly<Config>;
  broker: ServiceBroker;
  stores: WatchedStores;
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

/** The projector's checkpoint (services/projector): how far the read models are. */
const projectorCheckpoint = 'main';

/** The composition root: stores, clock, broker, services and gateway from configuration. */
export const createSystem = (
  config: Readonly<Config>,
  overrides: {
    clock?: Clock;
    /** A front door already listening (see `main.ts`): liveness before the system loaded. */
    frontDoor?: FrontDoor;
    /** Wraps the event store opened (tests: a store whose positions have gaps). */
    eventStore?: (opened: EventStore) => EventStore;
  } = {},
): System => {
  const opened = openStores(config);
  const stores = overrides.eventStore
    ? { ...opened, eventStore: overrides.eventStore(opened.eventStore) }
    : opened;
  const writer = loadWriteKey(config);
  const clock = overrides.clock ?? clockOf(config.clock);
  const auditAlarm = createAuditAlarm();
  const auditIndexing = createCatchUpReport();
  const deps: ServiceDeps = {
    ...stores,
    auditAlarm,
    auditIndexing,
    eventStore: pagesInTurns(stores.eventStore),
    clock,
    handle: createCommandHandler({
      store: stores.eventStore,
      clock,
      ...(writer ? { writer } : {}),
    }),
    writeKeys: writeKeysOf(writer),
    projectorPollMs: config.projectorPollMs,
    projectorCoalesceMs: config.projectorCoalesceMs,
    projectorBatchSize: config.projectorBatchSize,
  };
  const secret = loadOrCreateSecret(config.dataDir, config.jwtSecret);
  const identity = loadNodeIdentity(config, secret);
  const busKey = loadBusKey(config, secret);
  const broker = new ServiceBroker({
    ...brokerOptions(config),
    middlewares: [...(busKey ? [signedPackets(busKey)] : []), actorAssertions(identity)],
    ContextFactory: AssertingContext,
  });
  const leases = openLeases(config);
  const campaign = campaigns(config, broker, leases);
  // A wrapped event store is this thread's alone: the audit's checks read it here too.
  const servicesConfig = overrides.eventStore ? { ...config, auditCheckWorker: false } : config;
  for (const name of config.services) {
    const factory = serviceFactories[name];
    if (factory) broker.createService(factory(deps, servicesConfig, campaign));
  }
  const gateway = config.services.includes('gateway')
    ? createGatewayServer({
        broker,
        secret,
        graphiql: config.graphiql,
        consoleDir: config.consoleDir,
        logger: broker.getLogger('gateway'),
        config,
      })
    : null;
  const catchUp = startUpCatchUp({
    checkpoint: () => stores.readModels.getCheckpoint(projectorCheckpoint),
    end: () => stores.eventStore.lastPosition(),
  });
  // Probes answer before the gateway sees a request: liveness while NATS is still
  // away and while the read models catch up.
  const port = frontDoorPort(config);
  const door =
    overrides.frontDoor ?? (port === null ? null : createFrontDoor(frontDoorOptions(config)));
  door?.open(
    createProbeHandler(
      broker,
      gateway !== null,
      () => [...storeProblems(stores.health).map(describeProblem), ...auditAlarm.problems()],
      async () => (await catchUp.progress()) ?? auditIndexing.progress(),
    ),
    gateway,
  );
  const server = door?.server ?? null;
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
      if (server && port !== null) {
        if (!server.listening) await listen(server, port, config.host);
        if (gateway) system.url = baseUrl(server, config.host);
      }
      if (!(await transporterReady(config, broker, stopping.signal))) return;
      if (!(await storesReady(config, stores, broker, stopping.signal))) return;
      await logTailChecked(config, stores, broker);
      // The projector catches up as it starts; /readyz says how far it is.
      if (config.services.includes('projector')) await catchUp.begin();
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
