import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { HistoryRow } from './history-index.ts';
import { toHistoryRow } from './history-index.ts';

/** What the audit index stores of one event: its Merkle leaf and its history row. */
export interface AuditEntry {
  position: number;
  /** RFC 6962 leaf hash of the event's canonical bytes. */
  leafHash: Buffer;
  history: HistoryRow;
}

/** The audit entry of a stored event. */
export const toAuditEntry = (event: StoredEvent): AuditEntry => ({
  position: event.position,
  leafHash: eventLeafHash(event),
  history: toHistoryRow(event),
});
