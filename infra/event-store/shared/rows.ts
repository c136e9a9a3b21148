import type { EventMetadata } from '../../../contracts/metadata.ts';
import type { NewEvent, StoredEvent } from '../port.ts';

/** One row of `events` as the SQL adapters read it (PostgreSQL gives positions as text: bigint). */
export interface EventRow {
  position: number | string;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Turns a row back into the event that was appended, with its place in the log. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    type: row.type,
    version: row.version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
    position: Number(row.position),
    streamId: row.stream_id,
    revision: row.revision,
  };
}

/** Serialises `data`, refusing values JSON cannot carry (they would not read back). */
export function serialiseData(event: NewEvent): string {
  const json = JSON.stringify(event.data);
  if (json === undefined) {
    throw new Error(`event ${event.id}: data is not JSON-serialisable`);
  }
  return json;
}
