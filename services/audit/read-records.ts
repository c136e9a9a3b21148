import type { Actor } from '../../contracts/actor.ts';
import { dayOf } from '../../contracts/dates.ts';
import type { AuditedRead } from '../../contracts/events/audit-events.ts';
import { recordedReaders } from '../../contracts/events/audit-events.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { CommandHandler } from '../shared/command-handler.ts';
import { readRecordDecider } from './domain/read-record.ts';

/** The type of a read record, which searches leave out unless asked for it. */
export const readRecordType = 'AuditHistoryRead';

/** One stream per reader per day (UTC+8): readers never contend, and no stream grows for ever. */
export const auditReadsStreamId = (day: string, actorId: string): string =>
  `audit-reads-${day}-${actorId}`;

const readStreamPrefix = 'audit-reads-';

/** True for the roles whose reads are recorded (inspector, leader). */
export const isRecordedReader = (actor: Actor): boolean =>
  (recordedReaders as readonly string[]).includes(actor.role);

export interface HistoryReadRequest {
  operation: AuditedRead;
  query: Record<string, unknown>;
  resultCount: number;
  correlationId: string;
  causationId: string;
}

/**
 * Records a read by an inspector or a leader before it is answered. A failure
 * propagates: the caller refuses the read rather than answer it unrecorded.
 */
export const createReadRecorder =
  (deps: { handle: CommandHandler; clock: Clock }) =>
  async (actor: Actor, read: HistoryReadRequest): Promise<void> => {
    if (!isRecordedReader(actor)) return;
    const { operation, query, resultCount, correlationId, causationId } = read;
    await deps.handle(readRecordDecider, {
      streamId: auditReadsStreamId(dayOf(deps.clock.now()), actor.id),
      command: { type: 'RecordHistoryRead', data: { operation, query, resultCount } },
      actor,
      correlationId,
      causationId,
    });
  };

export type ReadRecorder = ReturnType<typeof createReadRecorder>;

/** Whether a search asks for read records, by their type or by one of their streams. */
export const asksForReadRecords = (filter: {
  types?: readonly string[] | null;
  streamId?: string | null;
}): boolean =>
  (filter.types ?? []).includes(readRecordType) ||
  (filter.streamId ?? '').startsWith(readStreamPrefix);
