/**
 * Starts the system: every service and the gateway in one process on the embedded
 * stores by default; a subset over NATS with SERVICES and TRANSPORTER.
 * `npm start -- --demo` (or DEMO=1) serves the 2021 demo year, loading it first
 * into ./data/demo when that store is empty, with the clock at the year's end.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { demoAsked, demoEnv } from './demo/demo-env.ts';
import { type Config, ConfigError, loadConfig } from './infra/config/config.ts';
import {
  createFrontDoor,
  frontDoorOptions,
  frontDoorPort,
  listen,
} from './infra/probes/front-door.ts';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

// Loaded only when asked for: the demo's modules load the whole system.
const demoRun = demoAsked(process.argv, process.env) ? await import('./demo/run-demo.ts') : null;

const config = ((): Readonly<Config> => {
  try {
    return loadConfig(demoRun ? demoEnv(process.env) : process.env);
  } catch (error) {
    return fail(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
  }
})();

if (demoRun && !existsSync(path.join(config.dataDir, 'events.sqlite'))) {
  process.stdout.write(`loading the demo year into ${config.dataDir} (about a minute)…\n`);
  await demoRun.runDemo(config);
}

// Liveness from the first moment: the front door listens before the rest of the
// system is loaded (a second or more of modules) and answers /healthz 200 from
// then on, through the read models' catch-up; /readyz says 503 until all is up.
const port = frontDoorPort(config);
const frontDoor = port === null ? null : createFrontDoor(frontDoorOptions(config));
if (frontDoor && port !== null) {
  await listen(frontDoor.server, port, config.host).catch((error: unknown) =>
    fail(
      `${config.services.includes('gateway') ? 'PORT' : 'HEALTH_PORT'}=${port}: cannot listen: ${String(error)}`,
    ),
  );
}
const { createSystem } = await import('./system/system.ts');

const system = (() => {
  try {
    return createSystem(config, frontDoor ? { frontDoor } : {});
  } catch (error) {
    return fail(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
  }
})();
const logger = system.broker.getLogger('main');
let stopping = false;

// Before the node is offered: its code run on a scratch system of its own
// (WARM_UP_REQUESTS; by default in production only), so that the first load
// meets optimised code. A warm-up that fails holds nothing up.
const warming =
  config.warmUpRequests > 0
    ? import('./system/warm-up/warm-up.ts')
        .then(({ warmUp }) => warmUp(config.warmUpRequests))
        .then(
          ({ events, requests, writes, failed, ms }) =>
            logger.info(
              `warmed up: ${requests} requests (${writes} writes, ${failed} failed) to a scratch system of ${events} events, ${(ms / 1000).toFixed(1)} s`,
            ),
          (error: unknown) => logger.warn('warm-up failed, starting without it', error),
        )
    : Promise.resolve();

const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, stopping`);
  // The scratch system removes its folder as it ends.
  await warming;
  await system.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await warming;
if (!stopping) await system.start();
// A stop that came while waiting for NATS ends start-up early: nothing is ready then.
if (!stopping) {
  logger.info(
    system.url
      ? `督查督办 ready: ${system.url}/graphql (data in ${config.dataDir})`
      : `services ${config.services.join(', ')} ready (data in ${config.dataDir})`,
  );
}
