import { existsSync } from 'node:fs';
import path from 'node:path';
import { cosignatureType, parseVerifierKey } from '../../domain/transparency/signed-note.ts';
import { isIsoDateOrTimestamp } from './iso-timestamp.ts';
import { NotifyConfigError, type NotifySettings, notifySettings } from './notify-config.ts';

/**
 * Configuration, read and validated once at start. The defaults run the embedded
 * mode with no settings at all; a wrong setting stops start-up naming the variable.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** HS256 secret for tokens; when absent one is generated into `dataDir`. */
  jwtSecret: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON lines, pretty lines (pino-pretty), or `auto`: pretty on a terminal outside production. */
  logFormat: 'auto' | 'json' | 'pretty';
  production: boolean;
  graphiql: boolean;
  /** The built console the gateway serves (and whose persisted operations it loads). */
  consoleDir: string;
  /** `none` runs every service in one broker; `nats://…` spreads them over NATS. */
  transporter: string;
  nodeId: string | null;
  /**
   * The group this node belongs to (gateway, commands, projection): a generated
   * node id starts with it and a dot, so NATS permissions can name a group's subjects.
   */
  nodeKind: string | null;
  /** PEM (PKCS#8) Ed25519 key this node signs the actors of its calls with. */
  nodeKeyFile: string | null;
  /** The shared key (32 random bytes, hex) every node seals its bus packets with; null: derived on a development bus. */
  busKeyFile: string | null;
  /** `name:capabilities:key` entries: the node keys whose assertions this node accepts. */
  nodeTrustedKeys: string[];
  /** Which services this process runs; `all` for every one. */
  services: readonly string[];
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** `kurrentdb://…` (or `esdb://…`): events in KurrentDB; null: the embedded SQLite store. */
  eventStoreUrl: string | null;
  /** `mongodb://…`: read models in MongoDB (a replica set); null: the embedded store. */
  readModelStoreUrl: string | null;
  /** The MongoDB database of the read models. */
  mongodbDatabase: string;
  /** `system`, or the ISO date (its midnight UTC) or timestamp the clock starts at (demo and tests). */
  clock: string;
  projectorPollMs: number;
  projectorCoalesceMs: number;
  projectorBatchSize: number;
  /** The audit service signs a tree head after this many new events… */
  auditSignEvery: number;
  /** …or this many seconds after the tree last grew, whichever comes first. */
  auditSignSeconds: number;
  /** PEM (PKCS#8) Ed25519 private key signing tree heads; generated when missing. */
  auditSigningKeyFile: string;
  /**
   * The log's name in its checkpoints and their key (c2sp.org/tlog-checkpoint):
   * a schema-less URL unique to this deployment, kept across key rotations.
   */
  auditOrigin: string;
  /**
   * The write key (32 random bytes, hex) the nodes that write events authenticate
   * each one with (HMAC-SHA-256), and the audit checks them with; generated when
   * missing outside production.
   */
  eventWriteKeyFile: string;
  /** The audit key signed with before AUDIT_SIGNING_KEY_FILE, given once to hand the log on to it. */
  auditPreviousSigningKeyFile: string | null;
  /** Verifier keys (type 0x04) of the witnesses whose cosignatures the log records. */
  auditWitnessKeys: string[];
  /** Cosignatures of configured witnesses a head needs to count as witnessed. */
  auditWitnessQuorum: number;
  /** Seconds between two checks of what the audit indexed since the last check. */
  auditSelfCheckSeconds: number;
  /** Seconds between two checks of the whole stored log against the audit index and the heads. */
  auditFullCheckSeconds: number;
  /** The checks of the stored log run in a worker thread (true), or in the audit service's own thread. */
  auditCheckWorker: boolean;
  /** Seconds between two recordings of the read counts of windows that are over. */
  auditReadTallySeconds: number;
  /** Milliseconds between runs of the supervision clock; 0: it runs on demand only. */
  supervisionClockIntervalMs: number;
  /**
   * Past days whose boards (documents read from the kept versions) the boards
   * service keeps in memory; each holds every board document of its day.
   */
  boardsCachedDays: number;
  /**
   * Board documents those past days may hold together: past the bound, the
   * days asked longest ago go first (the day asked last stays, whatever it holds).
   */
  boardsCachedDocuments: number;
  /** Boards read and built in a worker thread (true), or in the service's own thread. */
  boardsWorker: boolean;
  /** Megabytes the heap of the worker thread that reads past days' boards may take. */
  boardsWorkerMemoryMb: number;
  /** Past days, back from yesterday, whose overview the boards service computes ahead and keeps. */
  boardsKeptDays: number;
  /**
   * Seconds without a past day's board asked after which the past days'
   * worker ends, letting go of the days it keeps (0: it stays).
   */
  boardsPastIdleSeconds: number;
  /** Documents `npm run rebuild` holds in memory at once (see `keptDocuments` of the rebuild). */
  rebuildKeptDocuments: number;
  /**
   * GraphQL requests a starting node sends a scratch system of its own before
   * it is offered (`system/warm-up`); 0: none. By default 600 in production, else 0.
   */
  warmUpRequests: number;
  /** NATS credentials and TLS, passed through to the transporter and the NATS lease store. */
  nats: NatsSettings;
  /** The leases that keep one projector, one clock and one audit indexer active across nodes. */
  lease: LeaseSettings;
  /** On a node without the gateway: a port serving /healthz and /readyz; 0 serves none. */
  healthPort: number;
  /** Tokens from an identity provider: its JWKS (fetched, cached) or its PEM public key. */
  authJwksUrl: string | null;
  authPublicKeyFile: string | null;
  /** Required `iss` and `aud` of every token (HS256 and public-key alike). */
  authIssuer: string;
  authAudience: string;
  /** Leeway for `exp` and `nbf` against clocks that drift apart. */
  authClockSkewSeconds: number;
  /** Tokens valid for longer than this (from `iat`, or from now without one) are refused. */
  authMaxTokenHours: number;
  /** Claims carrying the role and the unit (dotted paths reach nested claims). */
  authRoleClaim: string;
  authUnitClaim: string;
  /** GraphQL limits (graphql-armor): refused with VALIDATION before anything runs. */
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  graphqlMaxAliases: number;
  graphqlMaxDirectives: number;
  graphqlMaxTokens: number;
  /** Larger request bodies are refused with 413 PAYLOAD_TOO_LARGE while being read. */
  graphqlMaxBodyBytes: number;
  /** Channels, quiet hours and pace of the notifications (notify-config.ts). */
  notify: Readonly<NotifySettings>;
  /** Operations per batched request; 0 turns batching off. */
  graphqlMaxBatch: number;
  /** Schema introspection; off in production unless GRAPHQL_INTROSPECTION=true. */
  graphqlIntrospection: boolean;
  /** JSON map of operation hash → query text, for persisted operations. */
  graphqlPersistedOperationsFile: string | null;
  /** Refuse every operation that is not in the persisted operations file. */
  graphqlPersistedOnly: boolean;
  /** Requests per minute per actor (or per client address when anonymous); 0: no limit. */
  rateLimitPerMinute: number;
  /**
   * GraphQL requests this gateway process works on at once; one more is refused
   * at once with 503 OVERLOADED and Retry-After, never queued.
   */
  gatewayMaxInFlight: number;
  /** Origins other than the gateway's own whose pages may call it (CORS); none: same origin only. */
  corsOrigins: string[];
  /** TLS ends in front of the gateway (a proxy): in production, responses carry HSTS. */
  tlsTerminated: boolean;
  /** A request (headers and body) must arrive within this; slower ones get 408. */
  httpRequestTimeoutMs: number;
  /** Connections the HTTP server holds at once; more are refused. */
  httpMaxConnections: number;
}

/** NATS_* variables; credentials in the TRANSPORTER URL work as well, these win. */
export interface NatsSettings {
  user: string | null;
  password: string | null;
  token: string | null;
  /** PEM: the CA that signed the server's certificate. */
  tlsCaFile: string | null;
  /** PEM: this node's certificate and key, for servers that verify clients (mutual TLS). */
  tlsCertFile: string | null;
  tlsKeyFile: string | null;
}

/** LEASE_* variables. */
export interface LeaseSettings {
  /**
   * `none`: one process; `embedded`: SQLite under DATA_DIR (nodes of one host);
   * `nats`: JetStream KV; `postgres`: beside the events in EVENT_STORE_URL's server.
   */
  store: 'none' | 'embedded' | 'nats' | 'postgres';
  /** A holder silent this long loses its lease to a standby. */
  ttlMs: number;
  /** How often the holder renews and a standby asks. */
  renewMs: number;
}

export const serviceNames = [
  'gateway',
  'tasks',
  'directory',
  'projector',
  'views',
  'audit',
  'supervision',
  'rules',
  'boards',
  'notifications',
] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw}: must be an integer between ${min} and ${max}`);
  }
  return value;
};

/** AUDIT_WITNESS_KEYS: witness verifier keys (`name+keyid+base64(0x04 ‖ key)`), by spaces or commas. */
const witnessKeys = (env: Env): string[] => {
  const keys = (env.AUDIT_WITNESS_KEYS ?? '').split(/[\s,]+/).filter((key) => key !== '');
  for (const key of keys) {
    let type: number | null = null;
    try {
      type = parseVerifierKey(key).type;
    } catch (error) {
      throw new ConfigError(`AUDIT_WITNESS_KEYS: ${key}: ${(error as Error).message}`);
    }
    if (type !== cosignatureType) {
      throw new ConfigError(`AUDIT_WITNESS_KEYS: ${key}: must be a witness key (type 0x04)`);
    }
  }
  return keys;
};

/** AUDIT_ORIGIN: a key name of signed notes (no spaces, no `+`), at most 200 characters. */
const origin = (env: Env): string => {
  const raw = env.AUDIT_ORIGIN ?? 'dubanju.local/audit';
  if (raw.length === 0 || raw.length > 200 || /[\s+]/u.test(raw)) {
    throw new ConfigError(
      `AUDIT_ORIGIN=${raw}: must be a name like example.gov.cn/duban/audit, without spaces or '+', at most 200 characters`,
    );
  }
  return raw;
};

const oneOf = <T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${raw}: must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
};

const flag = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}=${raw}: must be true or false`);
};

const parseServices = (raw: string | undefined): readonly string[] => {
  if (raw === undefined || raw === '' || raw === 'all') return Object.freeze([...serviceNames]);
  const names = [...new Set(raw.split(',').map((name) => name.trim()))];
  for (const name of names) {
    if (!(serviceNames as readonly string[]).includes(name)) {
      throw new ConfigError(
        `SERVICES=${raw}: unknown service ${name} (known: ${serviceNames.join(', ')})`,
      );
    }
  }
  return Object.freeze(names);
};

const parseClock = (raw: string | undefined): string => {
  if (raw === undefined || raw === '' || raw === 'system') return 'system';
  if (!isIsoDateOrTimestamp(raw)) {
    throw new ConfigError(
      `CLOCK=${raw}: must be system, a date YYYY-MM-DD or a timestamp YYYY-MM-DDTHH:MM[:SS[.sss]] ending in Z or ±HH:MM, on a real calendar day`,
    );
  }
  return raw;
};

const parseTransporter = (raw: string | undefined): string => {
  if (raw === undefined || raw === '' || raw === 'none') return 'none';
  if (!/^nats:\/\/|^tls:\/\//.test(raw)) {
    throw new ConfigError(`TRANSPORTER=${raw}: must be none or a nats:// URL`);
  }
  return raw;
};

const secret = (raw: string | undefined): string | null => {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('JWT_SECRET: must be at least 32 characters');
  return raw;
};

const optionalPath = (raw: string | undefined): string | null =>
  raw === undefined || raw === '' ? null : path.resolve(raw);

/** https, or plain http to this machine only (a key set fetched in the clear could be forged). */
const parseJwksUrl = (raw: string | undefined): string | null => {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`AUTH_JWKS_URL=${raw}: must be a URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`AUTH_JWKS_URL=${raw}: must be https (http only for this machine)`);
  }
  return url.href;
};

const claimName = (env: Env, name: string, fallback: string): string => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[\w:/.-]{1,200}$/.test(raw)) {
    throw new ConfigError(`${name}=${raw}: must be a claim name (letters, digits, _ : / . -)`);
  }
  return raw;
};

const text = (env: Env, name: string, fallback: string): string => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw.length > 500) throw new ConfigError(`${name}: must be at most 500 characters`);
  return raw;
};

/** The identity provider's settings; one key source at most. */
const authSettings = (env: Env) => {
  const authJwksUrl = parseJwksUrl(env.AUTH_JWKS_URL);
  const authPublicKeyFile = optionalPath(env.AUTH_PUBLIC_KEY_FILE);
  if (authJwksUrl && authPublicKeyFile) {
    throw new ConfigError('AUTH_JWKS_URL and AUTH_PUBLIC_KEY_FILE: set one of them, not both');
  }
  return {
    authJwksUrl,
    authPublicKeyFile,
    authIssuer: text(env, 'AUTH_ISSUER', 'dubanju'),
    authAudience: text(env, 'AUTH_AUDIENCE', 'dubanju'),
    authClockSkewSeconds: integer(env, 'AUTH_CLOCK_SKEW_SECONDS', 30, 0, 600),
    authMaxTokenHours: integer(env, 'AUTH_MAX_TOKEN_HOURS', 24, 1, 8760),
    authRoleClaim: claimName(env, 'AUTH_ROLE_CLAIM', 'role'),
    authUnitClaim: claimName(env, 'AUTH_UNIT_CLAIM', 'unit'),
  };
};

/** The gateway's defences; the defaults leave every query of the console and the tests working. */
const graphqlSettings = (env: Env, production: boolean) => {
  const graphqlPersistedOperationsFile = optionalPath(env.GRAPHQL_PERSISTED_OPERATIONS_FILE);
  const graphqlPersistedOnly = flag(env, 'GRAPHQL_PERSISTED_ONLY', false);
  return {
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 1, 1000),
    graphqlMaxCost: integer(env, 'GRAPHQL_MAX_COST', 20_000, 1, 100_000_000),
    graphqlMaxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
    graphqlMaxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 0, 10_000),
    graphqlMaxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 5000, 10, 1_000_000),
    graphqlMaxBodyBytes: integer(env, 'GRAPHQL_MAX_BODY_BYTES', 1_048_576, 1024, 100_000_000),
    graphqlMaxBatch: integer(env, 'GRAPHQL_MAX_BATCH', 10, 0, 1000),
    graphqlIntrospection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    graphqlPersistedOperationsFile,
    graphqlPersistedOnly,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    gatewayMaxInFlight: integer(env, 'GATEWAY_MAX_IN_FLIGHT', 64, 1, 100_000),
    corsOrigins: corsOrigins(env),
    tlsTerminated: flag(env, 'TLS_TERMINATED', false),
    httpRequestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
    httpMaxConnections: integer(env, 'HTTP_MAX_CONNECTIONS', 1024, 1, 1_000_000),
  };
};

/** CORS_ORIGINS: exact origins (scheme, host, port), never a wildcard. */
const corsOrigins = (env: Env): string[] => {
  const listed = (env.CORS_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  for (const entry of listed) {
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      origin =
        ['http:', 'https:'].includes(url.protocol) && !entry.includes('*') ? url.origin : null;
    } catch {
      origin = null;
    }
    if (origin !== entry) {
      throw new ConfigError(
        `CORS_ORIGINS: ${entry}: must be an origin like https://duban.example.gov.cn (scheme, host, optional port; no path, no wildcard)`,
      );
    }
  }
  return listed;
};

const existingFile = (env: Env, name: string): string | null => {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!existsSync(raw)) throw new ConfigError(`${name}=${raw}: no such file`);
  return path.resolve(raw);
};

const parseNats = (env: Env): Readonly<NatsSettings> => {
  const nats = {
    user: env.NATS_USER || null,
    password: env.NATS_PASSWORD || null,
    token: env.NATS_TOKEN || null,
    tlsCaFile: existingFile(env, 'NATS_TLS_CA_FILE'),
    tlsCertFile: existingFile(env, 'NATS_TLS_CERT_FILE'),
    tlsKeyFile: existingFile(env, 'NATS_TLS_KEY_FILE'),
  };
  if (nats.user && !nats.password)
    throw new ConfigError('NATS_PASSWORD: must be set with NATS_USER');
  if (nats.password && !nats.user)
    throw new ConfigError('NATS_USER: must be set with NATS_PASSWORD');
  if (nats.token && nats.user) {
    throw new ConfigError('NATS_TOKEN: give a token or NATS_USER and NATS_PASSWORD, not both');
  }
  if (!nats.tlsCertFile !== !nats.tlsKeyFile) {
    const missing = nats.tlsCertFile ? 'NATS_TLS_KEY_FILE' : 'NATS_TLS_CERT_FILE';
    throw new ConfigError(`${missing}: a client certificate needs both its file and its key's`);
  }
  return Object.freeze(nats);
};

/** The services with a role that runs on one node at a time, under its lease. */
export const leasedServices: readonly string[] = [
  'projector',
  'audit',
  'supervision',
  'notifications',
];

/** A PostgreSQL connection URL (EVENT_STORE_URL, READ_MODEL_STORE_URL). */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

const parseLease = (env: Env, transporter: string): Readonly<LeaseSettings> => {
  const leased = parseServices(env.SERVICES).some((name) => leasedServices.includes(name));
  // On a bus, a node running a leased role must say where the leases are: the
  // embedded store elects one leader per host, which two hosts would not notice.
  if (transporter !== 'none' && leased && !env.LEASE_STORE) {
    throw new ConfigError(
      'LEASE_STORE: must be set with TRANSPORTER on a node running projector, audit or supervision ' +
        '(nats or postgres: nodes on several hosts; embedded: nodes of one host sharing DATA_DIR)',
    );
  }
  const fallback = transporter === 'none' ? 'none' : 'embedded';
  const store = oneOf(
    env,
    'LEASE_STORE',
    ['none', 'embedded', 'nats', 'postgres'] as const,
    fallback,
  );
  if (store === 'nats' && transporter === 'none') {
    throw new ConfigError('LEASE_STORE=nats: needs TRANSPORTER=nats://…');
  }
  if (store === 'postgres' && !POSTGRES_URL.test(env.EVENT_STORE_URL ?? '')) {
    throw new ConfigError(
      'LEASE_STORE=postgres: needs EVENT_STORE_URL=postgres://… (the leases live beside the events)',
    );
  }
  const ttlMs = integer(env, 'LEASE_TTL_MS', 5000, 500, 600_000);
  // At most half the TTL: a holder gets a second try before its lease lapses.
  const renewMs = integer(env, 'LEASE_RENEW_MS', Math.floor(ttlMs / 3), 50, Math.floor(ttlMs / 2));
  return Object.freeze({ store, ttlMs, renewMs });
};

/** Running on several nodes: NATS access, leases, a probe port for nodes without the gateway. */
/**
 * A production node joins a bus only with credentials (a user, a token, or a
 * client certificate, in NATS_* or in the URL), unless TRANSPORTER_INSECURE=1
 * says the operator means it.
 */
const checkedBus = (env: Env, nats: Readonly<NatsSettings>): void => {
  const transporter = parseTransporter(env.TRANSPORTER);
  if (env.NODE_ENV !== 'production' || transporter === 'none') return;
  if (flag(env, 'TRANSPORTER_INSECURE', false)) return;
  const inUrl = transporter.split(',').some((url) => new URL(url.trim()).username !== '');
  if (nats.user || nats.token || nats.tlsCertFile || inUrl) return;
  throw new ConfigError(
    'TRANSPORTER: a production node joins NATS only with credentials (NATS_USER and NATS_PASSWORD, NATS_TOKEN, a client certificate, or user:password in the URL); set TRANSPORTER_INSECURE=1 to join a bus without them',
  );
};

/** NODE_KIND: which group of nodes this one belongs to, the first token of its node id. */
const nodeKind = (env: Env): string | null => {
  const kind = env.NODE_KIND || null;
  if (kind !== null && !/^[a-z][a-z0-9-]{0,31}$/.test(kind)) {
    throw new ConfigError(
      `NODE_KIND=${kind}: must be lower-case letters, digits and -, at most 32`,
    );
  }
  return kind;
};

const scaleOutSettings = (env: Env) => {
  const nats = parseNats(env);
  checkedBus(env, nats);
  return {
    nats,
    nodeKind: nodeKind(env),
    lease: parseLease(env, parseTransporter(env.TRANSPORTER)),
    healthPort: integer(env, 'HEALTH_PORT', 0, 0, 65535),
  };
};

/** A URL fit for a log line or an error: its password, if any, masked. */
export const redactUrl = (url: string): string =>
  url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');

const connectionUrl = (env: Env, name: string, scheme: RegExp, expected: string) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!scheme.test(raw) || /\s/.test(raw)) {
    throw new ConfigError(`${name}=${redactUrl(raw)}: must be ${expected}`);
  }
  return raw;
};

// MongoDB's rules for database names on every platform.
const MONGODB_DATABASE_NAME = /^[^/\\. "$*<>:|?\0]{1,63}$/;

/** Where events and read models live: the embedded stores unless a server URL is given. */
const storeSettings = (env: Env) => {
  const mongodbDatabase = env.MONGODB_DATABASE || 'dubanju';
  if (!MONGODB_DATABASE_NAME.test(mongodbDatabase)) {
    throw new ConfigError(
      `MONGODB_DATABASE=${mongodbDatabase}: must be 1 to 63 characters, none of / \\ . " $ * < > : | ?`,
    );
  }
  return {
    eventStoreUrl: connectionUrl(
      env,
      'EVENT_STORE_URL',
      /^((kurrentdb|kurrent|kdb|esdb)(\+discover)?|postgres(ql)?):\/\/./,
      'a postgres:// (or postgresql://) or kurrentdb:// (or esdb://) connection string, or unset for the embedded SQLite store',
    ),
    readModelStoreUrl: connectionUrl(
      env,
      'READ_MODEL_STORE_URL',
      /^(mongodb(\+srv)?|postgres(ql)?):\/\/./,
      'a postgres:// (or postgresql://) or mongodb:// connection string, or unset for the embedded store',
    ),
    mongodbDatabase,
  };
};

/** The notification settings; their errors stop start-up as any other setting's. */
const checkedNotifySettings = (env: Env): Readonly<NotifySettings> => {
  try {
    return notifySettings(env);
  } catch (error) {
    if (error instanceof NotifyConfigError) throw new ConfigError(error.message);
    throw error;
  }
};

export const loadConfig = (env: Env = process.env): Readonly<Config> => {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return Object.freeze({
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    jwtSecret: secret(env.JWT_SECRET),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    logFormat: oneOf(env, 'LOG_FORMAT', ['auto', 'json', 'pretty'] as const, 'auto'),
    production,
    graphiql: flag(env, 'GRAPHIQL', !production),
    consoleDir: optionalPath(env.CONSOLE_DIR) ?? path.resolve('web', 'dist'),
    transporter: parseTransporter(env.TRANSPORTER),
    nodeId: env.NODE_ID || null,
    nodeKeyFile: env.NODE_KEY_FILE ? path.resolve(env.NODE_KEY_FILE) : null,
    busKeyFile: env.BUS_KEY_FILE ? path.resolve(env.BUS_KEY_FILE) : null,
    nodeTrustedKeys: (env.NODE_TRUSTED_KEYS ?? '').split(/[\s,]+/).filter(Boolean),
    services: parseServices(env.SERVICES),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['NORMAL', 'FULL'] as const, 'NORMAL'),
    clock: parseClock(env.CLOCK),
    projectorPollMs: integer(env, 'PROJECTOR_POLL_MS', 200, 10, 60_000),
    projectorCoalesceMs: integer(env, 'PROJECTOR_COALESCE_MS', 0, 0, 1000),
    projectorBatchSize: integer(env, 'PROJECTOR_BATCH_SIZE', 500, 1, 10_000),
    auditSignEvery: integer(env, 'AUDIT_SIGN_EVERY', 1000, 1, 10_000_000),
    auditSignSeconds: integer(env, 'AUDIT_SIGN_SECONDS', 60, 1, 86_400),
    auditSigningKeyFile: path.resolve(
      env.AUDIT_SIGNING_KEY_FILE || path.join(dataDir, 'audit-signing-key.pem'),
    ),
    auditOrigin: origin(env),
    auditWitnessKeys: witnessKeys(env),
    auditPreviousSigningKeyFile: env.AUDIT_PREVIOUS_SIGNING_KEY_FILE
      ? path.resolve(env.AUDIT_PREVIOUS_SIGNING_KEY_FILE)
      : null,
    eventWriteKeyFile: path.resolve(
      env.EVENT_WRITE_KEY_FILE || path.join(dataDir, 'event-write-key'),
    ),
    auditWitnessQuorum: integer(env, 'AUDIT_WITNESS_QUORUM', 1, 1, 64),
    auditSelfCheckSeconds: integer(env, 'AUDIT_SELF_CHECK_SECONDS', 60, 1, 604_800),
    auditFullCheckSeconds: integer(env, 'AUDIT_FULL_CHECK_SECONDS', 86_400, 1, 2_592_000),
    auditCheckWorker: flag(env, 'AUDIT_CHECK_WORKER', true),
    auditReadTallySeconds: integer(env, 'AUDIT_READ_TALLY_SECONDS', 60, 1, 3600),
    // At most a day apart: the clock's facts are per day.
    supervisionClockIntervalMs: integer(
      env,
      'SUPERVISION_CLOCK_INTERVAL_MS',
      3_600_000,
      0,
      86_400_000,
    ),
    boardsCachedDays: integer(env, 'BOARDS_CACHED_DAYS', 4, 1, 366),
    boardsCachedDocuments: integer(env, 'BOARDS_CACHED_DOCUMENTS', 1_000_000, 0, 1_000_000_000),
    boardsWorker: flag(env, 'BOARDS_WORKER', true),
    boardsWorkerMemoryMb: integer(env, 'BOARDS_WORKER_MEMORY_MB', 2048, 256, 65_536),
    boardsKeptDays: integer(env, 'BOARDS_KEPT_DAYS', 400, 0, 3660),
    boardsPastIdleSeconds: integer(env, 'BOARDS_PAST_IDLE_SECONDS', 600, 0, 604_800),
    rebuildKeptDocuments: integer(env, 'REBUILD_KEPT_DOCUMENTS', 300_000, 1000, 100_000_000),
    warmUpRequests: integer(env, 'WARM_UP_REQUESTS', production ? 600 : 0, 0, 100_000),
    ...scaleOutSettings(env),
    ...authSettings(env),
    ...graphqlSettings(env, production),
    ...storeSettings(env),
    notify: checkedNotifySettings(env),
  });
};
