import path from 'node:path';

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
  production: boolean;
  graphiql: boolean;
  /** `none` runs every service in one broker; `nats://…` spreads them over NATS. */
  transporter: string;
  nodeId: string | null;
  /** Which services this process runs; `all` for every one. */
  services: readonly string[];
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** `system`, or an ISO timestamp the clock starts at (demo and tests). */
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
  /** Milliseconds between runs of the supervision clock; 0: it runs on demand only. */
  supervisionClockIntervalMs: number;
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
  if (Number.isNaN(Date.parse(raw))) {
    throw new ConfigError(`CLOCK=${raw}: must be system or an ISO timestamp`);
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
    production,
    graphiql: flag(env, 'GRAPHIQL', !production),
    transporter: parseTransporter(env.TRANSPORTER),
    nodeId: env.NODE_ID || null,
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
    // At most a day apart: the clock's facts are per day.
    supervisionClockIntervalMs: integer(
      env,
      'SUPERVISION_CLOCK_INTERVAL_MS',
      3_600_000,
      0,
      86_400_000,
    ),
  });
};
