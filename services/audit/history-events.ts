import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { businessDateOf } from './history-index.ts';

/** Where the audit tree holds an event: its leaf number (1…) and leaf hash. */
export interface IndexedLeaf {
  leaf: number;
  hash: Buffer;
}

/**
 * An event as the audit shows it: everything stored, plus its business date, and
 * its leaf index (from 0, in log order) and leaf hash.
 */
export const toAuditHistoryEvent = (event: StoredEvent, indexed: IndexedLeaf | null) => ({
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
  leafHash: indexed?.hash.toString('hex') ?? null,
  /** Position − 1 only on a log without gaps: a verifier proves the event at this index. */
  leafIndex: indexed ? indexed.leaf - 1 : null,
});

/**
 * Runs of events next to each other in the log (consecutive leaf numbers), each
 * read in one page. Positions may have gaps, so it is the leaves, not the
 * positions, that tell which events follow each other: a page of the history
 * costs as many reads on a log with gaps as on one without.
 */
const runs = (
  positions: readonly number[],
  leafOf: (position: number) => number | null,
): { first: number; leaf: number; length: number }[] => {
  const found: { first: number; leaf: number; length: number }[] = [];
  for (const position of positions) {
    const leaf = leafOf(position) ?? Number.NaN;
    const last = found.at(-1);
    if (last && last.leaf + last.length === leaf) last.length += 1;
    else found.push({ first: position, leaf, length: 1 });
  }
  return found;
};

/**
 * The stored events at the given positions (ascending, each indexed at the leaf
 * `leafOf` names), in that order: one read per run of events adjacent in the log.
 */
export const readPositions = async (
  eventStore: EventStore,
  positions: readonly number[],
  leafOf: (position: number) => number | null,
): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for (const run of runs(positions, leafOf)) {
    // Any whole number may be read after: p − 1 reads from the event at p.
    events.push(...(await eventStore.readAll({ after: run.first - 1, limit: run.length })));
  }
  return events;
};
