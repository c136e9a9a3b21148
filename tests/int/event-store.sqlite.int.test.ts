import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  type EventStore,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import {
  describeEventStoreConformance,
  testEvent,
} from '../conformance/event-store.conformance.ts';

const dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-'));
let fileCount = 0;
const newPath = (): string => join(dir, `events-${++fileCount}.db`);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each test gets its own file; reopen closes and reopens that same file.
let current: { path: string; store: EventStore } | undefined;
describeEventStoreConformance('SQLite (file)', {
  async open() {
    const path = newPath();
    current = { path, store: openSqliteEventStore({ path }) };
    return current.store;
  },
  async reopen() {
    const { path, store } = current!;
    await store.close();
    current = { path, store: openSqliteEventStore({ path, synchronous: 'FULL' }) };
    return current.store;
  },
});

describeEventStoreConformance('SQLite (in memory)', {
  async open() {
    return openSqliteEventStore({ path: ':memory:' });
  },
});

/** A second connection that bypasses the adapter, as any other tool on the host could. */
function rawConnection(path: string): DatabaseSync {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA busy_timeout = 5000');
  return raw;
}

const oneEvent = (): NewEvent[] => [testEvent()];

describe('SQLite event store file', () => {
  let path: string;
  let store: EventStore;
  let raw: DatabaseSync;

  beforeEach(async () => {
    path = newPath();
    store = openSqliteEventStore({ path });
    await store.appendToStream('task-1', [testEvent(), testEvent()], {
      expectedRevision: 'no_stream',
    });
    raw = rawConnection(path);
  });

  afterEach(async () => {
    raw.close();
    await store.close();
  });

  it('refuses an UPDATE of a stored event, from any connection', async () => {
    expect(() => raw.exec("UPDATE events SET type = 'Forged' WHERE position = 1")).toThrow(
      /events are append-only/,
    );
    expect((await store.readStream('task-1'))[0]!.type).toBe('TaskCreated');
  });

  it('refuses a DELETE of a stored event, from any connection', async () => {
    expect(() => raw.exec('DELETE FROM events')).toThrow(/events are append-only/);
    expect(await store.readStream('task-1')).toHaveLength(2);
  });

  it('refuses a raw insert that would replace an event or leave a gap', async () => {
    const insert = raw.prepare(
      `INSERT OR REPLACE INTO events
        (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at)
        VALUES (?, ?, ?, ?, 'Forged', 1, '{}', '{}', '2025-01-01T00:00:00.000Z')`,
    );
    expect(() => insert.run(1, 'task-1', 0, crypto.randomUUID())).toThrow(/append-only/);
    expect(() => insert.run(5, 'task-2', 0, crypto.randomUUID())).toThrow(/append-only/);
    expect(() => insert.run(3, 'task-1', 7, crypto.randomUUID())).toThrow(/append-only/);
    expect(await store.lastPosition()).toBe(2);
  });

  it('runs in WAL mode so that several processes can share it', () => {
    const { journal_mode } = raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    expect(journal_mode).toBe('wal');
  });

  it('creates the parent directory when it is missing', async () => {
    const nested = openSqliteEventStore({ path: join(dir, 'a', 'b', 'events.db') });
    await nested.appendToStream('task-1', oneEvent(), { expectedRevision: 'no_stream' });
    expect(await nested.lastPosition()).toBe(1);
    await nested.close();
  });
});

describe('two store instances on one file', () => {
  it('reject one of each conflicting pair and keep the log gapless', async () => {
    const path = newPath();
    const first = openSqliteEventStore({ path });
    const second = openSqliteEventStore({ path });
    const streamId = 'task-shared';
    await first.appendToStream(streamId, oneEvent(), { expectedRevision: 'no_stream' });
    const rounds = 50;

    for (let round = 0; round < rounds; round++) {
      const expectedRevision = round;
      const outcomes = await Promise.allSettled([
        first.appendToStream(streamId, oneEvent(), { expectedRevision }),
        second.appendToStream(streamId, oneEvent(), { expectedRevision }),
        first.appendToStream(`task-first-${round % 3}`, oneEvent(), { expectedRevision: 'any' }),
        second.appendToStream(`task-second-${round % 3}`, oneEvent(), {
          expectedRevision: 'any',
        }),
      ]);
      const [a, b, ...others] = outcomes;
      expect([a, b].filter((o) => o!.status === 'fulfilled')).toHaveLength(1);
      const loser = [a, b].find((o) => o!.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(loser.reason).toMatchObject({ actual: round + 1 });
      expect(others.every((o) => o.status === 'fulfilled')).toBe(true);
    }

    const total = 1 + rounds * 3;
    const log = await second.readAll({ after: 0, limit: 10_000 });
    expect(log.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await first.lastPosition()).toBe(total);
    const shared = await first.readStream(streamId);
    expect(shared.map((e) => e.revision)).toEqual(Array.from({ length: rounds + 1 }, (_, i) => i));
    await first.close();
    await second.close();
  });
});

// Each child process appends to one shared stream, retrying from the revision a
// conflict reports, and to a stream of its own; run as a .ts file by the child's Node.
const writerScript = (adapterPath: string): string => `
import { openSqliteEventStore } from ${JSON.stringify(adapterPath)};
const [path, name, count, startAt] = process.argv.slice(1);
const store = openSqliteEventStore({ path });
// Start together, so the writes overlap rather than follow process start-up.
await new Promise((wake) => setTimeout(wake, Number(startAt) - Date.now()));
const event = () => ({
  id: crypto.randomUUID(), type: 'TaskCreated', version: 1, data: { name },
  metadata: { actor: { id: name, role: 'office' }, correlationId: name, causationId: name,
    idempotencyKey: crypto.randomUUID(), recordedAt: new Date().toISOString() },
  recordedAt: new Date().toISOString(),
});
let expectedRevision = 'any';
let conflicts = 0;
for (let i = 0; i < Number(count); i++) {
  for (;;) {
    try {
      const result = await store.appendToStream('task-shared', [event()], { expectedRevision });
      expectedRevision = result.nextRevision;
      break;
    } catch (error) {
      if (error.name !== 'WrongExpectedRevisionError') throw error;
      conflicts++;
      expectedRevision = error.actual;
    }
  }
  await store.appendToStream('task-' + name, [event(), event()], { expectedRevision: 'any' });
}
await store.close();
console.log(JSON.stringify({ conflicts }));
`;

function runWriter(script: string, args: string[]): Promise<{ conflicts: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(JSON.parse(out));
      else fail(new Error(`writer ${args[1]} exited with ${code}: ${err}`));
    });
  });
}

describe('several processes on one file', () => {
  it('serialise their writes: no lost append, no gap, no repeated revision', async () => {
    const path = newPath();
    const adapterPath = resolve(__dirname, '../../infra/event-store/sqlite/sqlite-event-store.ts');
    const script = writerScript(adapterPath);
    const writers = ['w1', 'w2', 'w3'];
    const each = 400;
    // Creating the file first keeps the start-up race out of the timed window.
    await openSqliteEventStore({ path }).close();
    const startAt = String(Date.now() + 1000);

    await Promise.all(
      writers.map((name) => runWriter(script, [path, name, String(each), startAt])),
    );

    const store = openSqliteEventStore({ path });
    const total = writers.length * each * 3;
    const log = await store.readAll({ after: 0, limit: 100_000 });
    expect(log.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const shared = await store.readStream('task-shared');
    expect(shared.map((e) => e.revision)).toEqual(
      Array.from({ length: writers.length * each }, (_, i) => i),
    );
    for (const name of writers) {
      expect(await store.readStream(`task-${name}`)).toHaveLength(each * 2);
    }
    await store.close();
  });
});
