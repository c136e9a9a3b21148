import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { BrokerOptions } from 'moleculer';
import type { ConnectionOptions, TlsOptions } from 'nats';
import type { Config } from './infra/config/config.ts';
import { logDestination } from './infra/log/log-format.ts';
import { moleculerPinoLogger } from './infra/log/moleculer-pino.ts';

/** TRANSPORTER as one or more URLs (a comma-separated cluster). */
const transporterUrls = (transporter: string): URL[] =>
  transporter.split(',').map((url) => new URL(url.trim()));

/** TRANSPORTER fit for a log line: any password in it replaced. */
export const redactedTransporter = (transporter: string): string =>
  transporterUrls(transporter)
    .map((url) => {
      if (url.password) url.password = '***';
      return url.href.replace(/\/$/, '');
    })
    .join(',');

const tlsOptions = (config: Readonly<Config>, urls: URL[]): TlsOptions | null => {
  const { tlsCaFile, tlsCertFile, tlsKeyFile } = config.nats;
  const asked = urls.some((url) => url.protocol === 'tls:');
  if (!asked && !tlsCaFile && !tlsCertFile) return null;
  return {
    ...(tlsCaFile ? { caFile: tlsCaFile } : {}),
    ...(tlsCertFile ? { certFile: tlsCertFile } : {}),
    ...(tlsKeyFile ? { keyFile: tlsKeyFile } : {}),
  };
};

/**
 * The NATS client options from TRANSPORTER and NATS_*: the transporter's own, and
 * the NATS lease store's. Credentials may sit in the URL (`nats://user:pass@host`);
 * NATS_USER/NATS_PASSWORD or NATS_TOKEN win over them. `tls://` URLs, or any
 * NATS_TLS_* file, turn TLS on. Null when the broker has no transporter.
 */
export const natsOptions = (config: Readonly<Config>): ConnectionOptions | null => {
  if (config.transporter === 'none') return null;
  const urls = transporterUrls(config.transporter);
  const first = urls[0];
  const user = config.nats.user ?? (first?.username ? decodeURIComponent(first.username) : null);
  const pass =
    config.nats.password ?? (first?.password ? decodeURIComponent(first.password) : null);
  const tls = tlsOptions(config, urls);
  return {
    servers: urls.map((url) => url.host),
    ...(user && !config.nats.token ? { user, pass: pass ?? '' } : {}),
    ...(config.nats.token ? { token: config.nats.token } : {}),
    ...(tls ? { tls } : {}),
    // Never give up: a node outlives a NATS restart and comes back without a restart of its own.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
    // A server that vanished without closing the socket is noticed within ~30 s, not 4 min.
    pingInterval: 10_000,
    maxPingOut: 3,
  };
};

/** Errors of the way to a service, not of the service: safe to send again. */
const transportErrors = new Set([
  'RequestTimeoutError',
  'RequestRejectedError',
  'ServiceNotAvailableError',
  'ServiceNotFoundError',
  'BrokerDisconnectedError',
]);

/**
 * Unique per process, readable in logs: the node's kind (a NATS subject token
 * of its own, which permissions can name), host, pid and a random tail
 * (containers all run pid 1). A host name with dots would add tokens: they are
 * replaced.
 */
const generatedNodeId = (kind: string | null) =>
  `${kind ? `${kind}.` : ''}${os.hostname().replaceAll('.', '_')}-${process.pid}-${randomBytes(3).toString('hex')}`;

/**
 * Broker options, each chosen on purpose. The same services run in one process
 * (no transporter) or spread over nodes on NATS; only `transporter` differs.
 */
export const brokerOptions = (config: Readonly<Config>): BrokerOptions => {
  const nats = natsOptions(config);
  const destination = logDestination(config, process.stdout.isTTY === true);
  return {
    namespace: 'dubanju',
    // Unique per process so two nodes never collide; a NODE_ID given twice is the
    // operator's mistake, and the lease holder id adds the instance id anyway.
    nodeID: config.nodeId ?? generatedNodeId(config.nodeKind),
    transporter: nats ? { type: 'NATS', options: nats } : null,
    logger: {
      type: 'Pino',
      options: {
        level: config.logLevel === 'silent' ? 'fatal' : config.logLevel,
        // JSON lines on stdout unless pretty lines are chosen (LOG_FORMAT, see
        // `logDestination`); the errors a call passes after its message are kept.
        createLogger: moleculerPinoLogger({
          level: config.logLevel === 'silent' ? 'fatal' : config.logLevel,
          enabled: config.logLevel !== 'silent',
          destination,
        }),
      },
    },
    // A command reads a stream and appends: milliseconds. 10 s covers a slow disk and
    // the heaviest board replay; past it the caller gets UNAVAILABLE, not a hang.
    requestTimeout: 10_000,
    // Retries only errors of the way there (timeouts, a node gone), never business
    // errors nor a service's own failure: a refused command is not tried again. A
    // retried command is harmless: the gateway gives each one an idempotency key.
    retryPolicy: {
      enabled: true,
      retries: 3,
      delay: 100,
      maxDelay: 1000,
      factor: 2,
      check: (err: Error) => transportErrors.has(err.name),
    },
    // Stop calling a node that keeps failing (timeouts, 5xx: code ≥ 500; business
    // errors are 4xx and never count); half-open after 10 s.
    circuitBreaker: {
      enabled: true,
      threshold: 0.5,
      minRequestCount: 20,
      windowTime: 60,
      halfOpenTime: 10_000,
    },
    // Bound concurrent work per action so a burst queues instead of exhausting memory.
    bulkhead: { enabled: true, concurrency: 100, maxQueueSize: 1000 },
    registry: {
      strategy: 'RoundRobin',
      // A service on this node answers its own node's calls: no hop over NATS.
      preferLocal: true,
      discoverer: {
        type: 'Local',
        options: {
          // A node killed without a goodbye (SIGKILL, a cut cable) stops being called
          // within 8–16 s; heartbeats every 2 s cost a few bytes per node.
          heartbeatInterval: 2,
          heartbeatTimeout: 8,
          // Node ids are unique per process, so the dead ones are forgotten after 10 min.
          cleanOfflineNodesTimeout: 600,
        },
      },
    },
    // Announce each service as it starts instead of batching for 1 s: a gateway
    // watching for readiness sees a node's services at once.
    transit: { serviceChangedDebounceTime: 0 } as BrokerOptions['transit'],
    // A stopping node finishes the requests it accepted (up to 5 s) before leaving.
    tracking: { enabled: true, shutdownTimeout: 5000 },
    metrics: false,
    tracing: false,
  };
};
