import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { openKurrentDbEventStore } from '../../infra/event-store/kurrentdb/open-kurrentdb-event-store.ts';
import type { AppendResult, EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import {
  describeEventStoreConformance,
  testEvent,
} from '../conformance/event-store.conformance.ts';
import { containerRuntimeOrSkipReasonSync } from '../support/containers.ts';

/** Pinned: the image testcontainers' own KurrentDB module is tested against. */
const IMAGE = 'kurrentplatform/kurrentdb:25.0';
const PORT = 2113;

const skipReason = containerRuntimeOrSkipReasonSync();
// Straight to stdout: Jest does not show the console output of a skipped file.
if (skipReason !== undefined)
  process.stdout.write(`skipping KurrentDB conformance: ${skipReason}\n`);
// Skipped only where no container engine exists: Jest refuses a file that declares no test.
const describeInContainer = skipReason === undefined ? describe : describe.skip;

/** A single insecure node, as for development: no TLS, no users. */
function kurrentDbContainer(): GenericContainer {
  return new GenericContainer(IMAGE)
    .withEnvironment({ KURRENTDB_CLUSTER_SIZE: '1', KURRENTDB_INSECURE: 'true' })
    .withExposedPorts(PORT)
    .withWaitStrategy(Wait.forHealthCheck())
    .withStartupTimeout(180_000);
}

describeInContainer(`KurrentDB event store in a container (${IMAGE})`, () => {
  let container: StartedTestContainer;
  let url = '';

  beforeAll(async () => {
    container = await kurrentDbContainer().start();
    url = `kurrentdb://${container.getHost()}:${container.getMappedPort(PORT)}?tls=false`;
  }, 240_000);

  afterAll(async () => {
    await container?.stop();
  });

  // Each test gets a fresh prefix: a fresh, empty store on the one server.
  let stores = 0;
  let current: { prefix: string; store: EventStore } | undefined;
  const openStore = (prefix: string, connectionString = url): EventStore =>
    openKurrentDbEventStore({ connectionString, streamPrefix: prefix });

  describeEventStoreConformance('KurrentDB', {
    capabilities: { densePositions: false, refusesIdsOfOtherStreams: false },
    async open() {
      const prefix = `conformance-${++stores}/`;
      current = { prefix, store: openStore(prefix) };
      return current.store;
    },
    async reopen() {
      const { prefix, store } = current!;
      await store.close();
      current = { prefix, store: openStore(prefix) };
      return current.store;
    },
  });

  describe('several stores on one server', () => {
    const opened: EventStore[] = [];
    const open = (prefix: string, connectionString?: string): EventStore => {
      const store = openStore(prefix, connectionString);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('agree on every position, however they came to read the log', async () => {
      const prefix = `shared-${++stores}/`;
      const [first, second] = [open(prefix), open(prefix)];
      await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          (n % 2 ? first : second).appendToStream(`task-${n % 5}`, [testEvent(), testEvent()], {
            expectedRevision: 'any',
          }),
        ),
      );

      const late = open(prefix);
      const [a, b, c] = (await Promise.all(
        [first, second, late].map((store) => store.readAll({ after: 0, limit: 1000 })),
      )) as [StoredEvent[], StoredEvent[], StoredEvent[]];
      expect(a).toHaveLength(80);
      expect(a.every((e, i) => i === 0 || e.position > a[i - 1]!.position)).toBe(true);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      const stream = await late.readStream('task-3');
      expect(stream).toEqual(a.filter((e) => e.streamId === 'task-3'));
    });

    it('store a batch two of them race to append once, both getting its positions', async () => {
      const prefix = `race-${++stores}/`;
      const [first, second] = [open(prefix), open(prefix)];
      await first.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      const batch = [testEvent(), testEvent()];

      const [a, b] = (await Promise.all(
        [first, second].map((store) =>
          store.appendToStream('task-1', batch, { expectedRevision: 0 }),
        ),
      )) as [AppendResult, AppendResult];

      expect(b.positions).toEqual(a.positions);
      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      const stream = await first.readStream('task-1');
      expect(stream.slice(1).map((e) => e.position)).toEqual(a.positions);
    });

    it('keep apart stores under different prefixes', async () => {
      const mine = open(`apart-a-${++stores}/`);
      const theirs = open(`apart-b-${stores}/`);
      await theirs.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      const result = await mine.appendToStream('task-1', [testEvent()], {
        expectedRevision: 'no_stream',
      });
      expect(await mine.lastPosition()).toBe(result.positions[0]);
      expect((await mine.readAll({ after: 0, limit: 10 })).map((e) => e.position)).toEqual(
        result.positions,
      );
    });

    it('read every non-system stream without a prefix, after system events', async () => {
      const whole = open('', url.replace('kurrentdb://', 'esdb://'));
      const before = await whole.lastPosition();
      const batch = [testEvent(), testEvent(), testEvent()];

      const result = await whole.appendToStream(`unprefixed-${stores}`, batch, {
        expectedRevision: 'no_stream',
      });

      const tail = await whole.readAll({ after: before, limit: 10 });
      expect(tail.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      expect(tail.map((e) => e.position)).toEqual(result.positions);
      expect(result.positions[0]).toBeGreaterThan(before);
      expect(await whole.lastPosition()).toBe(result.positions[2]);
      await expect(whole.ping()).resolves.toBeUndefined();
    });
  });

  describe('the log of the demo year copied from the embedded store', () => {
    let dataDir = '';

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-kurrentdb-demo-'));
      await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
    }, 120_000);

    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('reads back event for event, at the same revisions, in the same order', async () => {
      const embedded = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
      const log = await embedded.readAll({ after: 0, limit: 100_000 });
      await embedded.close();
      const store = openStore(`demo-${++stores}/`);
      try {
        for (const { streamId, revision, position: _, ...event } of log) {
          const expectedRevision = revision === 0 ? 'no_stream' : revision - 1;
          await store.appendToStream(streamId, [event], { expectedRevision });
        }
        // Positions are KurrentDB's own: everything else reads back as it was.
        const unplaced = ({ position: _, ...event }: StoredEvent) => event;
        const copied = await store.readAll({ after: 0, limit: 100_000 });
        expect(copied.map(unplaced)).toEqual(log.map(unplaced));
        const streamId = log[log.length - 1]!.streamId;
        const stream = await store.readStream(streamId);
        expect(stream).toEqual(copied.filter((e) => e.streamId === streamId));
      } finally {
        await store.close();
      }
    }, 120_000);
  });
});
