import type { EventMetadata } from '../../../contracts/metadata.ts';
import type { NewEvent, StoredEvent } from '../port.ts';
import type { LogRecord, LogRecordData } from './kurrent-log.ts';
import { portPosition } from './log-position.ts';

/**
 * KurrentDB's metadata of one of our events: the port's metadata with what the
 * port keeps beside it (schema version, recorded-at), the id of the append that
 * wrote it, and the correlation and causation ids again under the names
 * KurrentDB's own tools read.
 */
interface MetadataEnvelope {
  version: number;
  recordedAt: string;
  metadata: EventMetadata;
  appendId: string;
  $correlationId: string;
  $causationId: string;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * KurrentDB keeps event ids as uuids and gives them back in lowercase: any other
 * id would not read back as appended, nor be found again by a retry.
 */
export function assertEventId(id: string): void {
  if (typeof id !== 'string' || !CANONICAL_UUID.test(id)) {
    throw new Error(`event id ${JSON.stringify(id)}: KurrentDB needs a lowercase uuid`);
  }
}

/**
 * The KurrentDB record of an event to append; the event id is KurrentDB's too.
 * `appendId` tells a write apart from KurrentDB's silent acceptance of a retry.
 */
export function toRecordData(event: NewEvent, appendId: string): LogRecordData {
  const envelope: MetadataEnvelope = {
    version: event.version,
    recordedAt: event.recordedAt,
    metadata: event.metadata,
    appendId,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  return { id: event.id, type: event.type, data: event.data, metadata: { ...envelope } };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function envelopeOf(record: LogRecord): MetadataEnvelope {
  const envelope = record.metadata;
  const ok =
    isObject(envelope) &&
    typeof envelope.version === 'number' &&
    typeof envelope.recordedAt === 'string' &&
    isObject(envelope.metadata);
  if (!ok) {
    throw new Error(
      `event ${record.id} in ${record.stream} has no event-store metadata: not written by this store`,
    );
  }
  return envelope as unknown as MetadataEnvelope;
}

/** The port position of a record read back, which must carry one (KurrentDB ≥ 22.6). */
export function positionOfRecord(record: LogRecord): number {
  const what = `event ${record.id} of ${record.stream}`;
  if (record.position === undefined) {
    throw new Error(
      `${what} came without its $all position: KurrentDB before 22.6 does not give it`,
    );
  }
  return portPosition(record.position, what);
}

/** The stored event a KurrentDB record of the store's stream `streamId` holds. */
export function toStoredEvent(record: LogRecord, streamId: string): StoredEvent {
  const envelope = envelopeOf(record);
  const position = positionOfRecord(record);
  return {
    id: record.id,
    type: record.type,
    version: envelope.version,
    data: record.data,
    metadata: envelope.metadata,
    recordedAt: envelope.recordedAt,
    position,
    streamId,
    revision: record.revision,
  };
}

/** The append that wrote a record, as its metadata says. */
export function appendIdOf(record: LogRecord): string | undefined {
  const appendId = (record.metadata as { appendId?: unknown } | undefined)?.appendId;
  return typeof appendId === 'string' ? appendId : undefined;
}
