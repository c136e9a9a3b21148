import type { StoredEvent } from '../../infra/event-store/port.ts';

/**
 * What a command handler remembers of a stream it has folded: the state at a
 * revision and the events of each idempotency key. It is only ever a starting
 * point: the handler still reads every event after `revision` from the store, so
 * writes by other processes are never missed.
 */
export interface CachedStream<S> {
  state: S;
  revision: number;
  /** `actorId|idempotencyKey` → the events that command appended. */
  commands: Map<string, StoredEvent[]>;
}

export const commandKey = (actorId: string, idempotencyKey: string): string =>
  `${actorId}|${idempotencyKey}`;

/** A least-recently-used map of folded streams, bounded in entries. */
export const createStreamCache = <S>(maxStreams: number) => {
  const entries = new Map<string, CachedStream<S>>();
  return {
    get(streamId: string): CachedStream<S> | undefined {
      const entry = entries.get(streamId);
      if (entry) {
        entries.delete(streamId);
        entries.set(streamId, entry);
      }
      return entry;
    },
    set(streamId: string, entry: CachedStream<S>): void {
      entries.delete(streamId);
      entries.set(streamId, entry);
      if (entries.size > maxStreams) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
};

export type StreamCache<S> = ReturnType<typeof createStreamCache<S>>;
