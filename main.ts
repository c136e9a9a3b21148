/**
 * Starts the system: every service and the gateway in one process on the embedded
 * stores by default; a subset over NATS with SERVICES and TRANSPORTER.
 */

import { createSystem } from './infra/composition/system.ts';
import { ConfigError, loadConfig } from './infra/config/config.ts';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail(error instanceof ConfigError ? `configuration: ${error.message}` : String(error));
  }
})();

const system = createSystem(config);
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
logger.info(
  system.url
    ? `督查督办 ready: ${system.url}/graphql (data in ${config.dataDir})`
    : `services ${config.services.join(', ')} ready (data in ${config.dataDir})`,
);
