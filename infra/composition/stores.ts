import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { EventStore } from '../event-store/port.ts';
import { openSqliteEventStore } from '../event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../read-model-store/port.ts';

export interface Stores {
  eventStore: EventStore;
  readModels: ReadModelStore;
}

/** The stores chosen by configuration; today the embedded ones under the data directory. */
export const openStores = (config: Readonly<Config>): Stores => ({
  eventStore: openSqliteEventStore({
    path: path.join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous,
  }),
  readModels: openEmbeddedReadModelStore({ path: path.join(config.dataDir, 'read-models.sqlite') }),
});
