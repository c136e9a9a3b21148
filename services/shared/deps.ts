import type { WriteKey } from '../../domain/transparency/written-event.ts';
import type { AuditAlarm } from '../../infra/audit/alarm.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { CatchUpReport } from '../../infra/probes/catch-up.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import type { CommandHandler } from './command-handler.ts';

/** What the composition root hands to the service factories. */
export interface ServiceDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  clock: Clock;
  handle: CommandHandler;
  projectorPollMs: number;
  /** How long a wake-up waits for others to join it before catching up. */
  projectorCoalesceMs: number;
  projectorBatchSize: number;
  /** Raised by the audit service when it finds the stored log altered; /readyz reports it. */
  auditAlarm?: AuditAlarm;
  /** Where the audit service says how far its index is while it catches up at start; /readyz reports it. */
  auditIndexing?: CatchUpReport;
  /** The write keys by id (EVENT_WRITE_KEY_FILE's): the audit checks every event it indexes with them. */
  writeKeys?: ReadonlyMap<string, WriteKey>;
}

/** Broadcast after every append so projectors wake at once; a lost one is covered by polling. */
export const appendedEvent = 'eventStore.appended';
/** Broadcast by the projector after it commits, with the position it reached. */
export const projectedEvent = 'readModels.projected';
