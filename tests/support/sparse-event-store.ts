import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';

/**
 * Positions per position of the store wrapped: the inner position p becomes
 * p × 1000 plus a jitter of 1…997, so positions are far apart, unevenly so,
 * and no event sits at 1 (as KurrentDB's commit positions, byte offsets).
 */
const spread = 1000;

/** The sparse position of the inner position `p` (≥ 1): strictly increasing in p. */
export const sparsePosition = (p: number): number => p * spread + 1 + ((p * 7919) % 997);

/**
 * The inner position to read after so that every event past the sparse `after`
 * is read: any number, not only a position the wrapper gave out.
 */
const innerAfter = (after: number): number => {
  const below = Math.floor(after / spread);
  return below >= 1 && sparsePosition(below) > after ? below - 1 : below;
};

const sparseEvent = (event: StoredEvent): StoredEvent => ({
  ...event,
  position: sparsePosition(event.position),
});

/**
 * Any event store with its global positions made opaque and sparse, as the port
 * allows: for running what follows the log over positions that are not 1, 2,
 * 3, …, so that no code counts events by their positions. Appends, reads and the
 * last position answer in sparse positions; `readAll` takes one.
 */
export const sparseEventStore = (store: EventStore): EventStore => ({
  appendToStream: async (streamId, events, options) => {
    const result = await store.appendToStream(streamId, events, options);
    return { ...result, positions: result.positions.map(sparsePosition) };
  },
  readStream: async (streamId, options) =>
    (await store.readStream(streamId, options)).map(sparseEvent),
  readAll: async (options) =>
    (await store.readAll({ ...options, after: innerAfter(options.after) })).map(sparseEvent),
  lastPosition: async () => {
    const last = await store.lastPosition();
    return last === 0 ? 0 : sparsePosition(last);
  },
  ping: () => store.ping(),
  close: () => store.close(),
});
