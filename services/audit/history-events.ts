import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { businessDateOf } from './history-index.ts';

/** An event as the audit shows it: everything stored, plus its business date and leaf hash. */
export const toAuditHistoryEvent = (event: StoredEvent, leafHash: Buffer | null) => ({
  position: event.position,
  streamId: event.streamId,
  revision: event.revision,
  id: event.id,
  type: event.type,
  version: event.version,
  recordedAt: event.recordedAt,
  businessDate: businessDateOf(event),
  actor: event.metadata.actor,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  idempotencyKey: event.metadata.idempotencyKey,
  /** Exactly as stored: what the leaf hash covers, for verifiers outside the server. */
  metadata: event.metadata,
  data: event.data,
  leafHash: leafHash?.toString('hex') ?? null,
});

/** Runs of consecutive positions, each read from the log in one page. */
const runs = (positions: readonly number[]): { first: number; length: number }[] => {
  const found: { first: number; length: number }[] = [];
  for (const position of positions) {
    const last = found.at(-1);
    if (last && last.first + last.length === position) last.length += 1;
    else found.push({ first: position, length: 1 });
  }
  return found;
};

/** The stored events at the given positions (ascending), in that order. */
export const readPositions = async (
  eventStore: EventStore,
  positions: readonly number[],
): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for (const run of runs(positions)) {
    events.push(...(await eventStore.readAll({ after: run.first - 1, limit: run.length })));
  }
  return events;
};
