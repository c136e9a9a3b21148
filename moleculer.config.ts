import type { BrokerOptions } from 'moleculer';
import type { Config } from './infra/config/config.ts';

/**
 * Broker options, each chosen on purpose. The same services run in one process
 * (no transporter) or spread over nodes on NATS; only `transporter` differs.
 */
export const brokerOptions = (config: Readonly<Config>): BrokerOptions => ({
  namespace: 'dubanju',
  // Unique per process so two nodes never collide (a duplicate id stops the broker).
  nodeID: config.nodeId ?? `dubanju-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  transporter:
    config.transporter === 'none'
      ? null
      : { type: 'NATS', options: { url: config.transporter, maxReconnectAttempts: -1 } },
  logger: {
    type: 'Pino',
    options: {
      level: config.logLevel === 'silent' ? 'fatal' : config.logLevel,
      pino: { options: { enabled: config.logLevel !== 'silent' } },
    },
  },
  // A command reads a stream and appends: well under a second; 10 s covers a slow disk.
  requestTimeout: 10_000,
  // Retries only for errors Moleculer marks retryable (network, timeouts), never for
  // business errors: a refused command must not be tried again.
  retryPolicy: {
    enabled: true,
    retries: 3,
    delay: 100,
    maxDelay: 1000,
    factor: 2,
    check: (err) => !!(err as { retryable?: boolean }).retryable,
  },
  // Stop calling a node that keeps failing; half-open after 10 s.
  circuitBreaker: {
    enabled: true,
    threshold: 0.5,
    minRequestCount: 20,
    windowTime: 60,
    halfOpenTime: 10_000,
  },
  // Bound concurrent work per action so a burst queues instead of exhausting memory.
  bulkhead: { enabled: true, concurrency: 100, maxQueueSize: 1000 },
  heartbeatInterval: 5,
  heartbeatTimeout: 15,
  // Nodes announce services at once: events emitted in the first second are not lost.
  transit: { serviceChangedDebounceTime: 0 } as BrokerOptions['transit'],
  tracking: { enabled: true, shutdownTimeout: 5000 },
  metrics: false,
  tracing: false,
});
