import path from 'node:path';
import { type Config, ConfigError, POSTGRES_URL, redactUrl } from '../config/config.ts';
import type { EventStore } from '../event-store/port.ts';
import { deferredEventStore } from '../event-store/shared/deferred.ts';
import { openSqliteEventStore } from '../event-store/sqlite/sqlite-event-store.ts';
import { chunkedReadModelStore } from '../read-model-store/chunked/chunked-read-model-store.ts';
import { openEmbeddedReadModelStore } from '../read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../read-model-store/port.ts';
import { deferredReadModelStore } from '../read-model-store/shared/deferred.ts';
import { DamagedDatabaseError } from '../sqlite/failures.ts';
import { StoreCondition, type StoreHealth } from './store-health.ts';
import { watchEventStore, watchReadModels } from './watched-stores.ts';

export interface Stores {
  eventStore: EventStore;
  readModels: ReadModelStore;
}

/** The stores as `openStores` gives them: each write's outcome kept in `health`. */
export interface WatchedStores extends Stores {
  /** Each store's condition (a failing disk, a refusal): what /readyz reports. */
  health: StoreHealth;
}

/** The settings the store choice reads; the rest of the configuration does not matter here. */
export type StoreConfig = Pick<Config, 'dataDir' | 'sqliteSynchronous'> &
  Partial<Pick<Config, 'eventStoreUrl' | 'readModelStoreUrl' | 'mongodbDatabase'>>;

/** The settings the store choice reads, taken out of the whole configuration (plain data). */
export const storeConfigOf = (config: StoreConfig): StoreConfig => ({
  dataDir: config.dataDir,
  sqliteSynchronous: config.sqliteSynchronous,
  ...(config.eventStoreUrl === undefined ? {} : { eventStoreUrl: config.eventStoreUrl }),
  ...(config.readModelStoreUrl === undefined
    ? {}
    : { readModelStoreUrl: config.readModelStoreUrl }),
  ...(config.mongodbDatabase === undefined ? {} : { mongodbDatabase: config.mongodbDatabase }),
});

/**
 * The read-model collections whose long lists are kept in chunks, each with the
 * collection of its chunks: the task page, whose records grow with its history.
 */
export const chunkedCollections = { tasks: 'task_chunks' } as const;

/** Which event-store adapter runs, with what it needs to open. */
export type EventStoreChoice =
  | { kind: 'sqlite'; path: string; synchronous: Config['sqliteSynchronous'] }
  | { kind: 'kurrentdb'; connectionString: string }
  | { kind: 'postgres'; connectionString: string };

/** Which read-model adapter runs, with what it needs to open. */
export type ReadModelStoreChoice =
  | { kind: 'embedded'; path: string }
  | { kind: 'mongodb'; url: string; database: string }
  | { kind: 'postgres'; connectionString: string };

const KURRENTDB_URL = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//;
const MONGODB_URL = /^mongodb(\+srv)?:\/\//;

/**
 * EVENT_STORE_URL unset: SQLite under DATA_DIR; `postgres://…`: PostgreSQL;
 * `kurrentdb://…` or `esdb://…`: KurrentDB.
 */
export function chooseEventStore(config: StoreConfig): EventStoreChoice {
  const url = config.eventStoreUrl ?? null;
  if (url === null) {
    const file = path.join(config.dataDir, 'events.sqlite');
    return { kind: 'sqlite', path: file, synchronous: config.sqliteSynchronous };
  }
  if (KURRENTDB_URL.test(url)) return { kind: 'kurrentdb', connectionString: url };
  if (POSTGRES_URL.test(url)) return { kind: 'postgres', connectionString: url };
  throw new ConfigError(
    `EVENT_STORE_URL=${redactUrl(url)}: must be postgres://…, kurrentdb://… or esdb://…, or unset for SQLite`,
  );
}

/**
 * READ_MODEL_STORE_URL unset: the embedded store under DATA_DIR; `postgres://…`:
 * PostgreSQL; `mongodb://…`: MongoDB.
 */
export function chooseReadModelStore(config: StoreConfig): ReadModelStoreChoice {
  const url = config.readModelStoreUrl ?? null;
  if (url === null) {
    return { kind: 'embedded', path: path.join(config.dataDir, 'read-models.sqlite') };
  }
  if (MONGODB_URL.test(url)) {
    return { kind: 'mongodb', url, database: config.mongodbDatabase ?? 'dubanju' };
  }
  if (POSTGRES_URL.test(url)) return { kind: 'postgres', connectionString: url };
  throw new ConfigError(
    `READ_MODEL_STORE_URL=${redactUrl(url)}: must be postgres://… or mongodb://…, or unset for the embedded store`,
  );
}

/**
 * A store file SQLite cannot read, named with the setting that points at it and
 * what the operator can do: SQLite's own "file is not a database" names neither.
 */
const damaged = (error: unknown, config: StoreConfig, remedy: string, unsetUrl: string) => {
  if (!(error instanceof DamagedDatabaseError)) return error;
  return new StoreUnavailableError(
    'DATA_DIR',
    `DATA_DIR=${config.dataDir}: ${error.message}; ${remedy} (${unsetUrl} is unset, so this file is used)`,
    error,
  );
};

function openEventStore(choice: EventStoreChoice, config: StoreConfig): EventStore {
  switch (choice.kind) {
    case 'sqlite':
      try {
        return openSqliteEventStore({ path: choice.path, synchronous: choice.synchronous });
      } catch (error) {
        throw damaged(
          error,
          config,
          'the event log cannot be read: restore it from a backup, or point DATA_DIR at the right directory',
          'EVENT_STORE_URL',
        );
      }
    case 'kurrentdb':
      // Loaded late: the client's native bridge and gRPC cost every start.
      return deferredEventStore(
        async () => {
          const { openKurrentDbEventStore } = await import(
            '../event-store/kurrentdb/open-kurrentdb-event-store.ts'
          );
          return openKurrentDbEventStore({ connectionString: choice.connectionString });
        },
        { tellsOfAppends: true },
      );
    case 'postgres':
      // Loaded late, like the other server adapters; the schema is made on first use.
      return deferredEventStore(async () => {
        const { openPostgresEventStore } = await import(
          '../event-store/postgres/postgres-event-store.ts'
        );
        return openPostgresEventStore({ connectionString: choice.connectionString });
      });
    default: {
      const _exhaustive: never = choice;
      throw new Error(`unknown event store ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function openReadModelStore(choice: ReadModelStoreChoice, config: StoreConfig): ReadModelStore {
  switch (choice.kind) {
    case 'embedded':
      try {
        return openEmbeddedReadModelStore({ path: choice.path });
      } catch (error) {
        throw damaged(
          error,
          config,
          'the read models are derived from the event log: move the file away and start again to rebuild them',
          'READ_MODEL_STORE_URL',
        );
      }
    case 'mongodb':
      return deferredReadModelStore(async () => {
        const { openMongoReadModelStore } = await import(
          '../read-model-store/mongodb/mongodb-read-model-store.ts'
        );
        return openMongoReadModelStore({ url: choice.url, database: choice.database });
      });
    case 'postgres':
      return deferredReadModelStore(async () => {
        const { openPostgresReadModelStore } = await import(
          '../read-model-store/postgres/postgres-read-model-store.ts'
        );
        return openPostgresReadModelStore({ connectionString: choice.connectionString });
      });
    default: {
      const _exhaustive: never = choice;
      throw new Error(`unknown read-model store ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The URL a server read-model store was opened from. */
const modelsUrl = (models: Exclude<ReadModelStoreChoice, { kind: 'embedded' }>) =>
  models.kind === 'mongodb' ? models.url : models.connectionString;

/** Each store's condition, named as an operator finds it: the setting and the place. */
const watchedConditions = (config: StoreConfig): StoreHealth => {
  const events = chooseEventStore(config);
  const models = chooseReadModelStore(config);
  return {
    events: new StoreCondition(
      'event store',
      events.kind === 'sqlite'
        ? `DATA_DIR=${config.dataDir} (${events.path})`
        : `EVENT_STORE_URL=${redactUrl(events.connectionString)}`,
    ),
    readModels: new StoreCondition(
      'read models',
      models.kind === 'embedded'
        ? `DATA_DIR=${config.dataDir} (${models.path})`
        : `READ_MODEL_STORE_URL=${redactUrl(modelsUrl(models))}`,
    ),
  };
};

/** The event store alone, chosen and opened as `openStores` opens it (a worker that reads only the log). */
export const openEventStoreOf = (config: StoreConfig): EventStore =>
  openEventStore(chooseEventStore(config), config);

/**
 * The stores chosen by configuration. The embedded ones open their files now (a
 * damaged file stops start-up naming it and DATA_DIR); the server ones load their
 * client and connect on first use (`verifyStores` checks them at start-up).
 */
export const openStores = (config: StoreConfig): WatchedStores => {
  const health = watchedConditions(config);
  const eventStore = openEventStore(chooseEventStore(config), config);
  try {
    const readModels = chunkedReadModelStore(
      openReadModelStore(chooseReadModelStore(config), config),
      chunkedCollections,
    );
    return {
      eventStore: watchEventStore(eventStore, health.events),
      readModels: watchReadModels(readModels, health.readModels),
      health,
    };
  } catch (error) {
    void eventStore.close();
    throw error;
  }
};

/** Where each store is, for one start-up log line (passwords masked). */
export function describeStores(config: StoreConfig): string {
  const events = chooseEventStore(config);
  const models = chooseReadModelStore(config);
  const eventsAt =
    events.kind === 'sqlite'
      ? `SQLite ${events.path}`
      : `${events.kind === 'postgres' ? 'PostgreSQL' : 'KurrentDB'} ${redactUrl(events.connectionString)}`;
  const modelsAt =
    models.kind === 'embedded'
      ? `embedded ${models.path}`
      : models.kind === 'postgres'
        ? `PostgreSQL ${redactUrl(modelsUrl(models))}`
        : `MongoDB ${redactUrl(models.url)} database ${models.database}`;
  return `events: ${eventsAt}; read models: ${modelsAt}`;
}

/** A store that does not answer, named by the setting that points at it. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  /** The environment variable to look at. */
  readonly variable: string;

  constructor(variable: string, message: string, cause: unknown) {
    super(message, { cause });
    this.variable = variable;
  }
}

async function answers(
  store: { ping(): Promise<void> },
  variable: string,
  where: string,
  what: string,
): Promise<void> {
  try {
    await store.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(variable, `${variable}=${where}: ${what}: ${reason}`, error);
  }
}

/**
 * Pings both stores, so that start-up (and readiness) fails with a message naming
 * the setting: an unreachable server, or a MongoDB that is not a replica set.
 * Retrying with backoff is the caller's: the stores recover by themselves.
 */
export async function verifyStores(stores: Stores, config: StoreConfig): Promise<void> {
  const events = chooseEventStore(config);
  const models = chooseReadModelStore(config);
  await Promise.all([
    events.kind === 'sqlite'
      ? answers(stores.eventStore, 'DATA_DIR', config.dataDir, 'the event store does not answer')
      : answers(
          stores.eventStore,
          'EVENT_STORE_URL',
          redactUrl(events.connectionString),
          'the event store is unavailable',
        ),
    models.kind === 'embedded'
      ? answers(stores.readModels, 'DATA_DIR', config.dataDir, 'the read models do not answer')
      : answers(
          stores.readModels,
          'READ_MODEL_STORE_URL',
          redactUrl(modelsUrl(models)),
          models.kind === 'mongodb'
            ? 'MongoDB cannot hold the read models'
            : 'the read models are unavailable',
        ),
  ]);
}
