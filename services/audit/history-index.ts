import { dayOf } from '../../contracts/dates.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';

/** What the history search filters on, one row per event (table `history`). */
export interface HistoryRow {
  position: number;
  streamId: string;
  type: string;
  actorId: string;
  actorRole: string;
  /** The unit the actor acted for (department heads); null for the office, leaders, the system. */
  unitId: string | null;
  /** ISO timestamp, normalised to `toISOString()` form so text order is time order. */
  recordedAt: string;
  /** The day the event speaks of: metadata.businessDate, else the day (UTC+8) of recordedAt. */
  businessDate: string;
}

const canonicalTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A timestamp in the one form whose text order is its time order. */
export const normaliseTimestamp = (timestamp: string): string =>
  canonicalTimestamp.test(timestamp) ? timestamp : new Date(Date.parse(timestamp)).toISOString();

/** The business date of an event: what its metadata says, or the day it was recorded. */
export const businessDateOf = (event: StoredEvent): string =>
  event.metadata.businessDate ?? dayOf(event.recordedAt);

/** The history row of a stored event. */
export const toHistoryRow = (event: StoredEvent): HistoryRow => ({
  position: event.position,
  streamId: event.streamId,
  type: event.type,
  actorId: event.metadata.actor.id,
  actorRole: event.metadata.actor.role,
  unitId: event.metadata.actor.unitId ?? null,
  recordedAt: normaliseTimestamp(event.recordedAt),
  businessDate: businessDateOf(event),
});

/** The insert for one history row; parameters in the order of `historyParams`. */
export const insertHistorySql =
  'INSERT INTO history (position, stream_id, type, actor_id, actor_role, unit_id, recorded_at, business_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

export const historyParams = (row: HistoryRow) =>
  [
    row.position,
    row.streamId,
    row.type,
    row.actorId,
    row.actorRole,
    row.unitId,
    row.recordedAt,
    row.businessDate,
  ] as const;
