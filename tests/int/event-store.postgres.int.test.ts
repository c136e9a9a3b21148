import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openPostgresEventStore } from '../../infra/event-store/postgres/postgres-event-store.ts';
import {
  describeEventStoreConformance,
  testEvent,
} from '../conformance/event-store.conformance.ts';
import {
  dropSchemas,
  freshSchema,
  itRefusesAsEveryPostgresAdapter,
  postgresTestUrl,
  rawClient,
  schemaUrl,
} from '../support/postgres.ts';

const schemas: string[] = [];
const openSchema = (schema: string, url?: string) =>
  openPostgresEventStore({ connectionString: schemaUrl(schema, url) });
const newSchema = () => {
  const schema = freshSchema('es');
  schemas.push(schema);
  return schema;
};

afterAll(() => dropSchemas(schemas));

let current: { schema: string; store: EventStore } | undefined;
describeEventStoreConformance('PostgreSQL', {
  async open() {
    const schema = newSchema();
    current = { schema, store: await openSchema(schema) };
    return current.store;
  },
  async reopen() {
    const { schema, store } = current!;
    await store.close();
    current = { schema, store: await openSchema(schema) };
    return current.store;
  },
});

describe('PostgreSQL event store in the database', () => {
  let schema: string;
  let store: EventStore;
  let raw: pg.Client;

  beforeEach(async () => {
    schema = newSchema();
    store = await openSchema(schema);
    await store.appendToStream('task-1', [testEvent(), testEvent()], {
      expectedRevision: 'no_stream',
    });
    raw = await rawClient();
  });

  afterEach(async () => {
    await raw.end();
    await store.close();
  });

  it('refuses an UPDATE, a DELETE or a TRUNCATE of the log, from any connection', async () => {
    await expect(raw.query(`UPDATE ${schema}.events SET type = 'Forged'`)).rejects.toThrow(
      /events are append-only/,
    );
    await expect(raw.query(`DELETE FROM ${schema}.events`)).rejects.toThrow(/append-only/);
    await expect(raw.query(`TRUNCATE ${schema}.events`)).rejects.toThrow(/append-only/);
    await expect(raw.query(`UPDATE ${schema}.log_head SET position = 1`)).rejects.toThrow(
      /only moves forward/,
    );
    await expect(raw.query(`DELETE FROM ${schema}.log_head`)).rejects.toThrow(/only moves forward/);
    const stored = await store.readStream('task-1');
    expect(stored.map((event) => event.type)).toEqual(['TaskCreated', 'TaskCreated']);
    expect(await store.lastPosition()).toBe(2);
  });

  it('refuses a raw insert out of sequence: a taken position, a gap, a skipped revision', async () => {
    const insert = (position: number, streamId: string, revision: number) =>
      raw.query(
        `INSERT INTO ${schema}.events
          (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at)
          VALUES ($1, $2, $3, $4, 'Forged', 1, '{}', '{}', '2025-01-01T00:00:00.000Z')`,
        [position, streamId, revision, randomUUID()],
      );
    await expect(insert(2, 'task-2', 0)).rejects.toThrow(/out of sequence|duplicate key/);
    await expect(insert(5, 'task-2', 0)).rejects.toThrow(/out of sequence/);
    await expect(insert(3, 'task-1', 7)).rejects.toThrow(/out of sequence/);
    expect(await store.lastPosition()).toBe(2);
  });

  it('never lets a reader pass an append that commits late: positions commit in order', async () => {
    // An append held open in another session (a node paused mid-commit).
    await raw.query('BEGIN');
    await raw.query(`SELECT position FROM ${schema}.log_head FOR UPDATE`);
    await raw.query(
      `INSERT INTO ${schema}.events
        (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at)
        VALUES (3, 'task-slow', 0, $1, 'Slow', 1, '{}', '{}', '2025-01-01T00:00:00.000Z')`,
      [randomUUID()],
    );
    await raw.query(`UPDATE ${schema}.log_head SET position = 3`);
    // A later append from this node: it waits for the held one, it does not pass it.
    let later: number[] | null = null;
    const appending = store
      .appendToStream('task-fast', [testEvent({ type: 'Fast' })], { expectedRevision: 'no_stream' })
      .then((result) => {
        later = result.positions;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(later).toBeNull();
    expect((await store.readAll({ after: 0, limit: 10 })).map((e) => e.position)).toEqual([1, 2]);
    expect(await store.lastPosition()).toBe(2);
    await raw.query('COMMIT');
    await appending;
    expect(later).toEqual([4]);
    const page = await store.readAll({ after: 2, limit: 10 });
    expect(page.map((event) => [event.position, event.type])).toEqual([
      [3, 'Slow'],
      [4, 'Fast'],
    ]);
  });

  it('serves an application role that may only read and append, and refuses it the rest', async () => {
    const role = `app_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await raw.query(`CREATE ROLE ${role} LOGIN`);
    await raw.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    await raw.query(`GRANT SELECT, INSERT ON ${schema}.events TO ${role}`);
    await raw.query(`GRANT SELECT, UPDATE ON ${schema}.log_head TO ${role}`);
    const url = new URL(postgresTestUrl);
    url.username = role;
    const app = await openSchema(schema, url.toString());
    const asApp = await rawClient(url.toString());
    try {
      const appended = await app.appendToStream('task-app', [testEvent()], {
        expectedRevision: 'no_stream',
      });
      expect(appended.positions).toEqual([3]);
      await expect(asApp.query(`UPDATE ${schema}.events SET type = 'Forged'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(asApp.query(`DELETE FROM ${schema}.events`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        asApp.query(`DROP TRIGGER events_append_only ON ${schema}.events`),
      ).rejects.toThrow(/must be owner/);
    } finally {
      await asApp.end();
      await app.close();
      await raw.query(`DROP OWNED BY ${role}`);
      await raw.query(`DROP ROLE ${role}`);
    }
  });

  itRefusesAsEveryPostgresAdapter((connectionString) =>
    openPostgresEventStore({ connectionString }),
  );
});
