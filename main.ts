/**
 * Starts the system: every service and the gateway in one process on the embedded
 * stores by default; a subset over NATS with SERVICES and TRANSPORTER.
 * `npm start -- --demo` (or DEMO=1) serves the 2021 demo year, loading it first
 * into ./data/demo when that store is empty, with the clock at the year's end.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { demoDataDir, demoNow, runDemo } from './demo/run-demo.ts';
import { type Config, ConfigError, loadConfig } from './infra/config/config.ts';
import { createSystem } from './system/system.ts';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const demo = process.argv.includes('--demo') || ['1', 'true'].includes(process.env.DEMO ?? '');

const config = ((): Readonly<Config> => {
  try {
    const env = demo
      ? { ...process.env, DATA_DIR: demoDataDir(), CLOCK: process.env.CLOCK || demoNow }
      : process.env;
    return loadConfig(env);
  } catch (error) {
    return fail(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
  }
})();

if (demo && !existsSync(path.join(config.dataDir, 'events.sqlite'))) {
  process.stdout.write(`loading the demo year into ${config.dataDir} (about a minute)…\n`);
  await runDemo(config);
}

const system = (() => {
  try {
    return createSystem(config);
  } catch (error) {
    return fail(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
  }
})();
const logger = system.broker.getLogger('main');
let stopping = false;

const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, stopping`);
  await system.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await system.start();
// A stop that came while waiting for NATS ends start-up early: nothing is ready then.
if (!stopping) {
  logger.info(
    system.url
      ? `督查督办 ready: ${system.url}/graphql (data in ${config.dataDir})`
      : `services ${config.services.join(', ')} ready (data in ${config.dataDir})`,
  );
}
