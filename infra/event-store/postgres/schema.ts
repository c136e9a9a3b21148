import type { PoolClient } from 'pg';

/**
 * The log. Positions are given by the append (the head's row, locked for the
 * append's transaction, plus one), not by a sequence: a sequence leaves gaps
 * and hands numbers out in start order, so a reader paging by position could
 * pass an event whose transaction commits after a later one's. With the head
 * locked, appends commit in position order, and the log has no gaps. Payloads
 * are kept as the text appended (not JSONB, which reorders keys): the audit
 * hashes what was written.
 */
const tables = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.events (
  position    bigint  PRIMARY KEY CHECK (position >= 1),
  stream_id   text    NOT NULL,
  revision    integer NOT NULL CHECK (revision >= 0),
  event_id    text    NOT NULL UNIQUE,
  type        text    NOT NULL,
  version     integer NOT NULL,
  data        text    NOT NULL,
  metadata    text    NOT NULL,
  recorded_at text    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS ${schema}.log_head (
  one      boolean PRIMARY KEY DEFAULT true CHECK (one),
  position bigint  NOT NULL CHECK (position >= 0)
);
INSERT INTO ${schema}.log_head (one, position) VALUES (true, 0) ON CONFLICT DO NOTHING;
`;

/**
 * Append-only for every connection, not just this adapter: no UPDATE, DELETE
 * or TRUNCATE of an event, and no insert out of sequence (a position that is
 * not the next, a revision that is not the stream's next). The head only
 * moves forward, to the last event stored. A role that owns the tables can
 * drop these triggers: the application's role should hold INSERT and SELECT
 * only (see the README), and what the audit's signed, witnessed tree heads
 * prove does not rest on them.
 */
const guards = (schema: string) => `
CREATE OR REPLACE FUNCTION ${schema}.events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'raise_exception';
  END IF;
  IF NEW.position IS DISTINCT FROM
       (SELECT COALESCE(MAX(position), 0) + 1 FROM ${schema}.events)
     OR NEW.revision IS DISTINCT FROM
       (SELECT COALESCE(MAX(revision), -1) + 1 FROM ${schema}.events WHERE stream_id = NEW.stream_id)
  THEN
    RAISE EXCEPTION 'events are append-only: position or revision out of sequence'
      USING ERRCODE = 'raise_exception';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION ${schema}.log_head_forward() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'the log head only moves forward, to the last event'
      USING ERRCODE = 'raise_exception';
  END IF;
  IF NEW.position < OLD.position
     OR NEW.position IS DISTINCT FROM (SELECT COALESCE(MAX(position), 0) FROM ${schema}.events)
  THEN
    RAISE EXCEPTION 'the log head only moves forward, to the last event'
      USING ERRCODE = 'raise_exception';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS events_append_only ON ${schema}.events;
CREATE TRIGGER events_append_only BEFORE INSERT OR UPDATE OR DELETE ON ${schema}.events
  FOR EACH ROW EXECUTE FUNCTION ${schema}.events_append_only();
DROP TRIGGER IF EXISTS events_no_truncate ON ${schema}.events;
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${schema}.events
  FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.events_append_only();
DROP TRIGGER IF EXISTS log_head_forward ON ${schema}.log_head;
CREATE TRIGGER log_head_forward BEFORE UPDATE OR DELETE ON ${schema}.log_head
  FOR EACH ROW EXECUTE FUNCTION ${schema}.log_head_forward();
DROP TRIGGER IF EXISTS log_head_no_truncate ON ${schema}.log_head;
CREATE TRIGGER log_head_no_truncate BEFORE TRUNCATE ON ${schema}.log_head
  FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.log_head_forward();
`;

/**
 * One append in one statement (one round trip while the head is locked, which
 * every append waits for): locks the head; answers where any of the ids is
 * already stored (`prior`, nothing written: the caller decides if it is a
 * retry), or the stream's actual revision when it is not the one expected
 * (`actual`, nothing written); else inserts the events after the head and
 * moves it, answering the first position and the revision before them.
 * `expected`: -2 any, -1 no stream, else the revision.
 */
const appendFunction = (schema: string) => `
CREATE OR REPLACE FUNCTION ${schema}.append_events(
  stream text, expected bigint, ids text[], types text[], versions integer[],
  datas text[], metadatas text[], recorded text[]
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  head bigint;
  actual bigint;
  prior jsonb;
BEGIN
  SELECT position INTO head FROM ${schema}.log_head FOR UPDATE;
  SELECT jsonb_agg(jsonb_build_object(
           'id', event_id, 'streamId', stream_id, 'revision', revision, 'position', position))
    INTO prior FROM ${schema}.events WHERE event_id = ANY(ids);
  IF prior IS NOT NULL THEN
    RETURN jsonb_build_object('prior', prior);
  END IF;
  SELECT COALESCE(MAX(revision), -1) INTO actual FROM ${schema}.events WHERE stream_id = stream;
  IF expected <> -2 AND actual <> expected THEN
    RETURN jsonb_build_object('actual', actual);
  END IF;
  INSERT INTO ${schema}.events
    (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at)
  SELECT head + n, stream, actual + n, ids[n], types[n], versions[n], datas[n], metadatas[n], recorded[n]
    FROM generate_series(1, array_length(ids, 1)) AS n
    ORDER BY n;
  UPDATE ${schema}.log_head SET position = head + array_length(ids, 1);
  RETURN jsonb_build_object('first', head + 1, 'actual', actual);
END $$;
`;

/**
 * Creates the schema, tables and guards when missing. Several nodes may start
 * at once: an advisory lock makes them take turns. A role without the right
 * to create them finds them made by the owner and goes on.
 */
export async function applySchema(client: PoolClient, schema: string): Promise<void> {
  const present = await client.query(`SELECT to_regclass($1) AS events, to_regproc($2) AS guard`, [
    `${schema}.events`,
    `${schema}.append_events`,
  ]);
  const row = present.rows[0] as { events: string | null; guard: string | null };
  if (row.events !== null && row.guard !== null) return;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dubanju:${schema}`]);
    await client.query(tables(schema));
    await client.query(guards(schema));
    await client.query(appendFunction(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
