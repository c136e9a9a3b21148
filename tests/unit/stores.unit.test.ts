import path from 'node:path';
import { ConfigError, loadConfig } from '../../infra/config/config.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { deferredEventStore } from '../../infra/event-store/shared/deferred.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { deferredReadModelStore } from '../../infra/read-model-store/shared/deferred.ts';
import {
  chooseEventStore,
  chooseReadModelStore,
  describeStores,
  openStores,
  type StoreConfig,
  type Stores,
  StoreUnavailableError,
  verifyStores,
} from '../../infra/stores/stores.ts';

const base: StoreConfig = { dataDir: '/srv/dubanju', sqliteSynchronous: 'NORMAL' };

describe('the stores chosen by configuration', () => {
  it('are the embedded ones under the data directory with no URL set', () => {
    const config = loadConfig({ DATA_DIR: '/srv/dubanju', SQLITE_SYNCHRONOUS: 'FULL' });
    expect(chooseEventStore(config)).toEqual({
      kind: 'sqlite',
      path: path.join('/srv/dubanju', 'events.sqlite'),
      synchronous: 'FULL',
    });
    expect(chooseReadModelStore(config)).toEqual({
      kind: 'embedded',
      path: path.join('/srv/dubanju', 'read-models.sqlite'),
    });
  });

  it.each(['kurrentdb://db:2113?tls=false', 'esdb+discover://a:2113,b:2113'])(
    'put events in KurrentDB for EVENT_STORE_URL=%s',
    (url) => {
      expect(chooseEventStore(loadConfig({ EVENT_STORE_URL: url }))).toEqual({
        kind: 'kurrentdb',
        connectionString: url,
      });
    },
  );

  it.each(['postgres://db/city?schema=events', 'postgresql://app:pw@db:5432/city'])(
    'put events in PostgreSQL for EVENT_STORE_URL=%s',
    (url) => {
      expect(chooseEventStore(loadConfig({ EVENT_STORE_URL: url }))).toEqual({
        kind: 'postgres',
        connectionString: url,
      });
    },
  );

  it('put read models in PostgreSQL for READ_MODEL_STORE_URL=postgres://…', () => {
    const url = 'postgres://app@db/city?schema=views';
    expect(chooseReadModelStore(loadConfig({ READ_MODEL_STORE_URL: url }))).toEqual({
      kind: 'postgres',
      connectionString: url,
    });
  });

  it('put read models in MongoDB for READ_MODEL_STORE_URL, in MONGODB_DATABASE', () => {
    const url = 'mongodb://db:27017/?replicaSet=rs0';
    expect(chooseReadModelStore(loadConfig({ READ_MODEL_STORE_URL: url }))).toEqual({
      kind: 'mongodb',
      url,
      database: 'dubanju',
    });
    const named = loadConfig({ READ_MODEL_STORE_URL: url, MONGODB_DATABASE: 'city' });
    expect(chooseReadModelStore(named)).toMatchObject({ database: 'city' });
  });

  it('refuse a URL of another kind, naming the variable and masking the password', () => {
    const events = () => chooseEventStore({ ...base, eventStoreUrl: 'mysql://u:pw@h/db' });
    const models = () => chooseReadModelStore({ ...base, readModelStoreUrl: 'redis://h' });
    expect(events).toThrow(ConfigError);
    expect(events).toThrow(/^EVENT_STORE_URL=mysql:\/\/u:\*\*\*@h\/db: /);
    expect(models).toThrow(/^READ_MODEL_STORE_URL=redis:\/\/h: /);
  });

  it('are described in one line, passwords masked', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/dubanju',
      EVENT_STORE_URL: 'kurrentdb://admin:changeit@db:2113',
    });
    expect(describeStores(config)).toBe(
      'events: KurrentDB kurrentdb://admin:***@db:2113; ' +
        `read models: embedded ${path.join('/srv/dubanju', 'read-models.sqlite')}`,
    );
  });

  it('are described with PostgreSQL named, its password masked', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/dubanju',
      EVENT_STORE_URL: 'postgres://app:pw@db/city',
    });
    expect(describeStores(config)).toMatch(
      /^events: PostgreSQL postgres:\/\/app:\*\*\*@db\/city; /,
    );
  });

  it('connect to servers only when first used, so opening and closing them sends nothing', async () => {
    const stores = openStores({
      ...base,
      eventStoreUrl: 'kurrentdb://127.0.0.1:1?tls=false',
      readModelStoreUrl: 'mongodb://127.0.0.1:1',
    });
    await expect(stores.eventStore.close()).resolves.toBeUndefined();
    await expect(stores.readModels.close()).resolves.toBeUndefined();
  });

  it('tell of appends (onAppended) on KurrentDB only, through every wrapper', async () => {
    const servers = { ...base, readModelStoreUrl: 'mongodb://127.0.0.1:1' };
    const kurrent = openStores({ ...servers, eventStoreUrl: 'kurrentdb://127.0.0.1:1?tls=false' });
    const postgres = openStores({ ...servers, eventStoreUrl: 'postgres://127.0.0.1:1/none' });
    expect(kurrent.eventStore.onAppended).toBeInstanceOf(Function);
    expect(postgres.eventStore.onAppended).toBeUndefined();
    for (const stores of [kurrent, postgres]) {
      await stores.eventStore.close();
      await stores.readModels.close();
    }
  });
});

const answering = (): Stores => ({
  eventStore: { ping: async () => undefined } as EventStore,
  readModels: { ping: async () => undefined } as ReadModelStore,
});

const failing = (message: string) => async () => {
  throw new Error(message);
};

describe('stores checked at start-up', () => {
  it('pass when both answer', async () => {
    await expect(verifyStores(answering(), base)).resolves.toBeUndefined();
  });

  it('name EVENT_STORE_URL when KurrentDB does not answer', async () => {
    const stores = answering();
    stores.eventStore.ping = failing('connect ECONNREFUSED');
    const config = { ...base, eventStoreUrl: 'kurrentdb://admin:changeit@db:2113' };
    const error = await verifyStores(stores, config).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({
      variable: 'EVENT_STORE_URL',
      message:
        'EVENT_STORE_URL=kurrentdb://admin:***@db:2113: the event store is unavailable: connect ECONNREFUSED',
    });
  });

  it('name READ_MODEL_STORE_URL when MongoDB cannot hold the read models', async () => {
    const stores = answering();
    stores.readModels.ping = failing('the MongoDB server is a standalone mongod');
    const config = { ...base, readModelStoreUrl: 'mongodb://db:27017' };
    await expect(verifyStores(stores, config)).rejects.toMatchObject({
      variable: 'READ_MODEL_STORE_URL',
      message:
        'READ_MODEL_STORE_URL=mongodb://db:27017: MongoDB cannot hold the read models: ' +
        'the MongoDB server is a standalone mongod',
    });
  });

  it('name DATA_DIR when an embedded store does not answer', async () => {
    const stores = answering();
    stores.readModels.ping = failing('database is locked');
    await expect(verifyStores(stores, base)).rejects.toMatchObject({ variable: 'DATA_DIR' });
  });
});

describe('a store loaded on first use', () => {
  const eventStore = (): EventStore & { closed: number } => {
    const store = {
      closed: 0,
      appendToStream: async () => ({ nextRevision: 0, positions: [1], duplicate: false }),
      readStream: async () => [],
      readAll: async () => [],
      lastPosition: async () => 7,
      ping: async () => undefined,
      close: async () => {
        store.closed += 1;
      },
    };
    return store;
  };

  it('loads once, on the first call, and forwards every call', async () => {
    const inner = eventStore();
    const load = jest.fn(async () => inner);
    const store = deferredEventStore(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([store.lastPosition(), store.ping(), store.readAll({ after: 0, limit: 1 })]);
    expect(await store.lastPosition()).toBe(7);
    await store.close();
    expect(load).toHaveBeenCalledTimes(1);
    expect(inner.closed).toBe(1);
  });

  it('listens to the loaded store when told it tells of appends, and stops with the caller', async () => {
    const unlisten = jest.fn();
    const inner = Object.assign(eventStore(), { onAppended: jest.fn(() => unlisten) });
    const listener = () => undefined;
    expect(deferredEventStore(async () => inner).onAppended).toBeUndefined();
    const store = deferredEventStore(async () => inner, { tellsOfAppends: true });
    const stop = store.onAppended!(listener);
    await new Promise((resolve) => setImmediate(resolve));
    expect(inner.onAppended).toHaveBeenCalledWith(listener);
    stop();
    expect(unlisten).toHaveBeenCalledTimes(1);
    // Stopped before the adapter is loaded: it is never listened to.
    const early = Object.assign(eventStore(), { onAppended: jest.fn(() => unlisten) });
    deferredEventStore(async () => early, { tellsOfAppends: true }).onAppended!(listener)();
    await new Promise((resolve) => setImmediate(resolve));
    expect(early.onAppended).not.toHaveBeenCalled();
  });

  it('never loads when closed unused', async () => {
    const load = jest.fn(async () => eventStore());
    await deferredEventStore(load).close();
    expect(load).not.toHaveBeenCalled();
  });

  it('fails every call with the error of a failed load', async () => {
    const store = deferredReadModelStore(async () => {
      throw new Error('driver missing');
    });
    await expect(store.get('tasks', 'a')).rejects.toThrow('driver missing');
    await expect(store.ping()).rejects.toThrow('driver missing');
  });

  it('forwards read-model calls with their arguments', async () => {
    const calls: unknown[][] = [];
    const record =
      (name: string, answer: unknown) =>
      async (...args: unknown[]) => {
        calls.push([name, ...args]);
        return answer;
      };
    const inner = {
      get: record('get', { id: 'a' }),
      getMany: record('getMany', new Map()),
      find: record('find', { items: [], total: 0 }),
      getCheckpoint: record('getCheckpoint', 4),
      commit: record('commit', undefined),
      reset: record('reset', undefined),
      ping: record('ping', undefined),
      close: record('close', undefined),
    } as unknown as ReadModelStore;
    const store = deferredReadModelStore(async () => inner);
    expect(await store.get('tasks', 'a')).toEqual({ id: 'a' });
    await store.getMany('tasks', ['a']);
    await store.find('tasks', { limit: 1 });
    expect(await store.getCheckpoint('p')).toBe(4);
    await store.commit('p', [], { from: 4, to: 5 });
    await store.reset();
    await store.close();
    expect(calls).toEqual([
      ['get', 'tasks', 'a'],
      ['getMany', 'tasks', ['a']],
      ['find', 'tasks', { limit: 1 }],
      ['getCheckpoint', 'p'],
      ['commit', 'p', [], { from: 4, to: 5 }],
      ['reset'],
      ['close'],
    ]);
  });
});
