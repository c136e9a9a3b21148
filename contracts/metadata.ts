import type { Actor } from './actor.ts';

/** Metadata stored with every event: who, when, and which request caused it. */
export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  idempotencyKey: string;
  /**
   * The command that caused the event (e.g. `SuspendTask`), so a key reused for
   * another command is refused instead of answered with the first one's result.
   * Absent on events recorded before it was kept.
   */
  command?: string;
  /** ISO timestamp from the clock port when the command was handled. */
  recordedAt: string;
  /** The business date the event speaks of, where it differs from recordedAt. */
  businessDate?: string;
  /**
   * The writer's MAC (HMAC-SHA-256) over everything else stored of the event,
   * with a write key the database's administrators do not hold: a row written
   * into the store by anyone else has none, or one that does not verify.
   * Absent on events written before writes were authenticated.
   */
  writer?: { keyId: string; mac: string };
}
