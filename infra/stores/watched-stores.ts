import { isUnavailable, unavailable } from '../../contracts/errors.ts';
import type { EventStore } from '../event-store/port.ts';
import type { ReadModelStore } from '../read-model-store/port.ts';
import { describeProblem, type StoreCondition } from './store-health.ts';

/** Runs a write, recording in `condition` whether the store could take it. */
const recorded = async <T>(condition: StoreCondition, write: () => Promise<T>): Promise<T> => {
  try {
    const result = await write();
    condition.succeeded();
    return result;
  } catch (error) {
    if (isUnavailable(error)) condition.failed(error.message);
    throw error;
  }
};

/** A ping that fails while the store has a problem, so health calls report it too. */
const checked = async (condition: StoreCondition, ping: () => Promise<void>): Promise<void> => {
  const problem = condition.problem();
  if (problem) throw unavailable(describeProblem(problem));
  await ping();
};

/**
 * The event store with its condition kept: an append refused by the disk marks it
 * failing until one succeeds; a refusal set at start turns every append away with
 * UNAVAILABLE before it reaches the log, so nothing is acknowledged that the read
 * models or the audit index would then skip.
 */
export const watchEventStore = (store: EventStore, condition: StoreCondition): EventStore => ({
  appendToStream(streamId, events, options) {
    const refusal = condition.refusal;
    if (refusal !== null) return Promise.reject(unavailable(refusal));
    return recorded(condition, () => store.appendToStream(streamId, events, options));
  },
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  lastPosition: () => store.lastPosition(),
  ...(store.onAppended ? { onAppended: store.onAppended.bind(store) } : {}),
  ping: () => checked(condition, () => store.ping()),
  close: () => store.close(),
});

/** The read models with their condition kept: a commit refused by the disk marks them failing. */
export const watchReadModels = (
  store: ReadModelStore,
  condition: StoreCondition,
): ReadModelStore => ({
  get: (collection, id) => store.get(collection, id),
  getMany: (collection, ids) => store.getMany(collection, ids),
  find: (collection, query) => store.find(collection, query),
  getCheckpoint: (projectorId) => store.getCheckpoint(projectorId),
  commit: (projectorId, changes, checkpoint, versions) =>
    recorded(condition, () => store.commit(projectorId, changes, checkpoint, versions)),
  versionsAsOf: (collection, day) => store.versionsAsOf(collection, day),
  ensureIndex: (collection, field) => store.ensureIndex(collection, field),
  reset: () => recorded(condition, () => store.reset()),
  ping: () => checked(condition, () => store.ping()),
  close: () => store.close(),
});
