import { loadedOnFirstUse } from '../../lazy/first-use.ts';
import type { EventStore } from '../port.ts';

/**
 * An event store whose adapter is loaded on first use. Server adapters pull in
 * their client libraries (a native bridge, gRPC): an embedded deployment should
 * not pay for them at every start, so the composition root imports them late.
 * A failed load fails every call with its error.
 */
export function deferredEventStore(load: () => Promise<EventStore>): EventStore {
  const { get: store, close } = loadedOnFirstUse(load);
  return {
    appendToStream: async (streamId, events, options) =>
      (await store()).appendToStream(streamId, events, options),
    readStream: async (streamId, options) => (await store()).readStream(streamId, options),
    readAll: async (options) => (await store()).readAll(options),
    lastPosition: async () => (await store()).lastPosition(),
    ping: async () => (await store()).ping(),
    close,
  };
}
