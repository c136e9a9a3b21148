import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore } from '../infra/event-store/port.ts';

/**
 * The event store with every page of the global log read on a later turn of the
 * event loop. The embedded store (node:sqlite) answers synchronously, so a loop
 * over pages — the projector's or the audit indexer's catch-up of a long log at
 * start, a board as of a past day — would run to its end without the HTTP
 * server answering once: /healthz would time out and an orchestrator would
 * restart a healthy node in the middle of its catch-up. One turn per page
 * (500 events by default) lets probes and requests in between, at a cost of
 * microseconds; over an adapter whose reads are truly asynchronous it changes
 * nothing. Reads of one stream, on the command path, are left as they are.
 */
export const pagesInTurns = (store: EventStore): EventStore => ({
  appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: async (options) => {
    await nextTurn();
    return store.readAll(options);
  },
  lastPosition: () => store.lastPosition(),
  ping: () => store.ping(),
  close: () => store.close(),
});
