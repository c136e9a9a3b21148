import type { ServiceBroker } from 'moleculer';
import type { Config } from '../infra/config/config.ts';
import { retryWithBackoff } from '../infra/retry/retry-with-backoff.ts';
import type { Stores } from '../infra/stores/stores.ts';
import { verifyStores } from '../infra/stores/stores.ts';
import { awaitTransporter } from '../infra/transport/await-transporter.ts';
import { natsOptions, redactedTransporter } from '../moleculer.config.ts';

/**
 * Waits for NATS before the broker starts (see `awaitTransporter`); false when
 * stopped first. With no transporter there is nothing to wait for.
 */
export const transporterReady = (
  config: Readonly<Config>,
  broker: ServiceBroker,
  signal: AbortSignal,
) => {
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
export const storesReady = (
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
