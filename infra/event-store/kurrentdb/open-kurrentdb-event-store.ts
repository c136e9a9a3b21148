import type { EventStore } from '../port.ts';
import { openClientLog } from './client-log.ts';
import { createKurrentDbEventStore, type KurrentDbStoreOptions } from './kurrentdb-event-store.ts';

export interface OpenKurrentDbOptions extends KurrentDbStoreOptions {
  /** `kurrentdb://…`, `kurrentdb+discover://…` or the older `esdb://…` schemes. */
  connectionString: string;
}

/**
 * Opens the event store on a KurrentDB server or cluster. Nothing is sent until
 * the first call; the client reconnects by itself after a server restart.
 */
export function openKurrentDbEventStore(options: OpenKurrentDbOptions): EventStore {
  const { connectionString, ...storeOptions } = options;
  const log = openClientLog(connectionString, { prefix: storeOptions.streamPrefix ?? '' });
  return createKurrentDbEventStore(log, storeOptions);
}
