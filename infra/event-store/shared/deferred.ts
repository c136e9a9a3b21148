import { loadedOnFirstUse } from '../../lazy/first-use.ts';
import type { EventStore } from '../port.ts';

/**
 * An event store whose adapter is loaded on first use. Server adapters pull in
 * their client libraries (a native bridge, gRPC): an embedded deployment should
 * not pay for them at every start, so the composition root imports them late.
 * A failed load fails every call with its error. `tellsOfAppends`: the adapter
 * has `onAppended`, offered at once and listened to once it is loaded.
 */
export function deferredEventStore(
  load: () => Promise<EventStore>,
  options: { tellsOfAppends?: boolean } = {},
): EventStore {
  const { get: store, close } = loadedOnFirstUse(load);
  const onAppended = (listener: (position: number) => void) => {
    let unlisten: (() => void) | undefined;
    let ended = false;
    store().then(
      (loaded) => {
        if (!ended) unlisten = loaded.onAppended?.(listener);
      },
      // A failed load fails the reads too, whose polls report it.
      () => undefined,
    );
    return () => {
      ended = true;
      unlisten?.();
    };
  };
  return {
    ...(options.tellsOfAppends ? { onAppended } : {}),
    appendToStream: async (streamId, events, options) =>
      (await store()).appendToStream(streamId, events, options),
    readStream: async (streamId, options) => (await store()).readStream(streamId, options),
    readAll: async (options) => (await store()).readAll(options),
    lastPosition: async () => (await store()).lastPosition(),
    ping: async () => (await store()).ping(),
    close,
  };
}
