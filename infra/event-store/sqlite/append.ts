import type { DatabaseSync } from 'node:sqlite';
import {
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../port.ts';
import { serialiseData } from '../shared/rows.ts';
import type { Statements } from './statements.ts';

interface StoredPlace {
  stream_id: string;
  revision: number;
  position: number;
}

/** Refuses batches that cannot be appended whatever the store holds. */
function validate(streamId: string, events: NewEvent[], expected: ExpectedRevision): void {
  if (events.length === 0) {
    throw new Error(`stream ${streamId}: cannot append an empty batch`);
  }
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new Error(`stream ${streamId}: expected revision ${expected} is not a revision`);
  }
  const ids = new Set(events.map((event) => event.id));
  if (ids.size !== events.length) {
    throw new Error(`stream ${streamId}: the batch holds the same event id twice`);
  }
}

/**
 * Decides what an earlier append of some of these ids means. Returns the original
 * result when the whole batch is already in this stream, undefined when none of
 * it is stored, and throws for anything in between: a retry must match exactly.
 */
function priorAppend(
  st: Statements,
  streamId: string,
  events: NewEvent[],
): AppendResult | undefined {
  const places = events.map((event) => st.findById.get(event.id) as StoredPlace | undefined);
  const storedCount = places.filter((place) => place !== undefined).length;
  if (storedCount === 0) return undefined;
  places.forEach((place, index) => {
    if (place !== undefined && place.stream_id !== streamId) {
      throw new Error(
        `event ${events[index]!.id} is already stored in stream ${place.stream_id}, not ${streamId}`,
      );
    }
  });
  if (storedCount < events.length) {
    throw new Error(
      `stream ${streamId}: ${storedCount} of the batch's ${events.length} event ids are already stored`,
    );
  }
  const stored = places as StoredPlace[];
  return {
    nextRevision: stored[stored.length - 1]!.revision,
    positions: stored.map((place) => place.position),
    duplicate: true,
  };
}

function checkRevision(streamId: string, expected: ExpectedRevision, actual: number): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === -1 : actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/**
 * Appends the batch in one write transaction: idempotency first (a retry succeeds
 * whatever revision it expects), then the revision check, then the inserts.
 */
export function appendInTransaction(
  db: DatabaseSync,
  st: Statements,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedRevision,
): AppendResult {
  validate(streamId, events, expected);
  // Serialise before taking the write lock, so other writers wait less.
  const rows = events.map((event) => ({
    event,
    data: serialiseData(event),
    metadata: JSON.stringify(event.metadata),
  }));
  st.begin.run();
  try {
    const prior = priorAppend(st, streamId, events);
    if (prior !== undefined) {
      st.commit.run();
      return prior;
    }
    const last = st.lastRevision.get(streamId) as { revision: number | null };
    const actual = last.revision ?? -1;
    checkRevision(streamId, expected, actual);
    const first = (st.lastPosition.get() as { position: number }).position + 1;
    const positions = rows.map((row, index) => {
      const position = first + index;
      const { event } = row;
      st.insert.run(
        position,
        streamId,
        actual + 1 + index,
        event.id,
        event.type,
        event.version,
        row.data,
        row.metadata,
        event.recordedAt,
      );
      return position;
    });
    st.commit.run();
    return { nextRevision: actual + events.length, positions, duplicate: false };
  } catch (error) {
    if (db.isTransaction) st.rollback.run();
    throw error;
  }
}
