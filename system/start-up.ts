import type { ServiceBroker } from 'moleculer';
import type { Config } from '../infra/config/config.ts';
import { retryWithBackoff } from '../infra/retry/retry-with-backoff.ts';
import type { Stores, WatchedStores } from '../infra/stores/stores.ts';
import { verifyStores } from '../infra/stores/stores.ts';
import { awaitTransporter } from '../infra/transport/await-transporter.ts';
import { natsOptions, redactedTransporter } from '../moleculer.config.ts';
import { logTailRefusal } from './log-tail.ts';

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

/**
 * Refuses every write (UNAVAILABLE, and /readyz 503 naming the event store) when
 * the read models or the audit index stand beyond the log's end (see
 * `logTailRefusal`): reads still answer, so an inspector can see what is left.
 */
export const logTailChecked = async (
  config: Readonly<Config>,
  stores: WatchedStores,
  broker: ServiceBroker,
): Promise<void> => {
  if (config.services.every((name) => name === 'gateway')) return;
  const refusal = await logTailRefusal(config, stores);
  if (refusal === null) return;
  stores.health.events.refuseWrites(refusal);
  broker.getLogger('stores').error(refusal);
};
