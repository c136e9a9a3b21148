import { loadedOnFirstUse } from '../../lazy/first-use.ts';
import type { ReadModelStore } from '../port.ts';

/**
 * A read-model store whose adapter is loaded on first use, so that an embedded
 * deployment never loads a server driver. A failed load fails every call with
 * its error.
 */
export function deferredReadModelStore(load: () => Promise<ReadModelStore>): ReadModelStore {
  const { get: store, close } = loadedOnFirstUse(load);
  return {
    async get<T>(collection: string, id: string) {
      return (await store()).get<T>(collection, id);
    },
    async getMany<T>(collection: string, ids: string[]) {
      return (await store()).getMany<T>(collection, ids);
    },
    async find<T>(collection: string, query?: Parameters<ReadModelStore['find']>[1]) {
      return (await store()).find<T>(collection, query);
    },
    getCheckpoint: async (projectorId) => (await store()).getCheckpoint(projectorId),
    commit: async (projectorId, changes, checkpoint, versions) =>
      (await store()).commit(projectorId, changes, checkpoint, versions),
    async versionsAsOf<T>(collection: string, day: string) {
      return (await store()).versionsAsOf<T>(collection, day);
    },
    ensureIndex: async (collection, field) => (await store()).ensureIndex(collection, field),
    reset: async () => (await store()).reset(),
    ping: async () => (await store()).ping(),
    close,
  };
}
