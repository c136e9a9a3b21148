import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openNatsKvLeaseStore } from '../../infra/lease/nats/nats-kv-lease-store.ts';
import type { LeaseStore } from '../../infra/lease/port.ts';
import { openPostgresLeaseStore } from '../../infra/lease/postgres/postgres-lease-store.ts';
import { openSqliteLeaseStore } from '../../infra/lease/sqlite/sqlite-lease-store.ts';
import type { NatsServer } from '../support/nats-server.ts';
import { natsUnavailableReason, startNatsServer } from '../support/nats-server.ts';
import { dropSchemas, freshSchema, schemaUrl } from '../support/postgres.ts';

/** Opens one node's view of a shared lease store, reading the test's clock. */
interface Adapter {
  name: string;
  skip: string | null;
  setUp(): Promise<void>;
  /** A store of its own for the next test: a new file, a new bucket. */
  fresh(): void;
  open(now: () => number): LeaseStore;
  tearDown(): Promise<void>;
}

const sqlite = (): Adapter => {
  let dir = '';
  let file = 0;
  return {
    name: 'the SQLite lease store',
    skip: null,
    async setUp() {
      dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-lease-'));
    },
    fresh: () => {
      file++;
    },
    open: (now) => openSqliteLeaseStore({ path: path.join(dir, `leases-${file}.sqlite`), now }),
    async tearDown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const natsKv = (): Adapter => {
  let server: NatsServer | null = null;
  let bucket = 0;
  return {
    name: 'the NATS JetStream KV lease store',
    skip: natsUnavailableReason(),
    async setUp() {
      server = await startNatsServer({ user: 'lease', password: 'lease-pass', jetstream: true });
    },
    fresh: () => {
      bucket++;
    },
    open(now) {
      const port = server?.port ?? 0;
      return openNatsKvLeaseStore({
        connection: { servers: `127.0.0.1:${port}`, user: 'lease', pass: 'lease-pass' },
        bucket: `leases-${process.pid}-${bucket}`,
        now,
      });
    },
    async tearDown() {
      await server?.dispose();
    },
  };
};

const postgres = (): Adapter => {
  const schemas: string[] = [];
  return {
    name: 'the PostgreSQL lease store',
    skip: null,
    async setUp() {},
    fresh: () => {
      schemas.push(freshSchema('lease'));
    },
    open: (now) =>
      openPostgresLeaseStore({ connectionString: schemaUrl(schemas.at(-1) ?? 'lease'), now }),
    tearDown: () => dropSchemas(schemas),
  };
};

const adapters = [sqlite(), natsKv(), postgres()];
for (const adapter of adapters) {
  if (adapter.skip) console.warn(`${adapter.name}: skipped, ${adapter.skip}`);
}

describe.each(adapters.filter((adapter) => !adapter.skip))('$name', (adapter) => {
  let time = 1_000_000;
  const now = () => time;
  let stores: LeaseStore[] = [];
  const node = () => {
    const store = adapter.open(now);
    stores.push(store);
    return store;
  };

  beforeAll(() => adapter.setUp());
  afterAll(() => adapter.tearDown());
  beforeEach(() => adapter.fresh());
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
  });

  describe('a lease nobody holds', () => {
    it('goes to the first candidate, at term 1', async () => {
      const a = node();
      expect(await a.acquire('projector', 'a', 3000)).toEqual({
        name: 'projector',
        holder: 'a',
        term: 1,
        ttlMs: 3000,
      });
      expect((await node().current('projector'))?.holder).toBe('a');
    });

    it('goes to exactly one of two candidates asking at once', async () => {
      const [a, b] = [node(), node()];
      const won = await Promise.all([a.acquire('clock', 'a', 3000), b.acquire('clock', 'b', 3000)]);
      expect(won.filter((lease) => lease !== null)).toHaveLength(1);
    });
  });

  describe('a lease another node holds', () => {
    it('is refused while it runs, and renewed by its holder at the same term', async () => {
      const [a, b] = [node(), node()];
      await a.acquire('audit', 'a', 3000);
      time += 1000;
      expect(await b.acquire('audit', 'b', 3000)).toBeNull();
      time += 1000;
      expect(await a.acquire('audit', 'a', 3000)).toMatchObject({ holder: 'a', term: 1 });
      time += 2500;
      expect(await b.acquire('audit', 'b', 3000)).toBeNull();
    });

    it('passes to a standby at a higher term once its holder stops renewing', async () => {
      const [a, b] = [node(), node()];
      await a.acquire('projector', 'a', 3000);
      expect(await b.acquire('projector', 'b', 3000)).toBeNull();
      time += 3000;
      expect(await b.acquire('projector', 'b', 3000)).toEqual({
        name: 'projector',
        holder: 'b',
        term: 2,
        ttlMs: 3000,
      });
      expect(await a.acquire('projector', 'a', 3000)).toBeNull();
      expect((await a.current('projector'))?.holder).toBe('b');
    });

    it('passes at once when its holder releases it', async () => {
      const [a, b] = [node(), node()];
      await a.acquire('clock', 'a', 3000);
      await b.release('clock', 'b');
      expect(await b.acquire('clock', 'b', 3000)).toBeNull();
      await a.release('clock', 'a');
      expect(await b.current('clock')).toBeNull();
      expect(await b.acquire('clock', 'b', 3000)).toMatchObject({ holder: 'b', term: 2 });
    });
  });

  it('keeps each name a lease of its own', async () => {
    const [a, b] = [node(), node()];
    await a.acquire('projector', 'a', 3000);
    expect(await b.acquire('clock', 'b', 3000)).toMatchObject({ holder: 'b', term: 1 });
  });
});
