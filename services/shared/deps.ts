import type { KeyObject } from 'node:crypto';
import type { AuditAlarm } from '../../infra/audit/alarm.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
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
  /**
   * The writer keys whose events are genuine (EVENT_SIGNING_KEY_FILE's, EVENT_WRITER_KEYS):
   * the audit service checks every event it indexes against them.
   */
  writerKeys?: ReadonlyMap<string, KeyObject>;
}

/** Broadcast after every append so projectors wake at once; a lost one is covered by polling. */
export const appendedEvent = 'eventStore.appended';
/** Broadcast by the projector after it commits, with the position it reached. */
export const projectedEvent = 'readModels.projected';
