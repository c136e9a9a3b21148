import type { EventStore } from '../../../infra/event-store/port.ts';

/** The strings among `ids`, each once; anything else cannot name an entity. */
export const idsFrom = (ids: unknown): string[] =>
  Array.isArray(ids) ? [...new Set(ids.filter((id): id is string => typeof id === 'string'))] : [];

/**
 * Which of the ids have a stream, read from the event store (the source of
 * truth), so a lookup never trusts a read model that may lag.
 */
export const knownIds = async (
  eventStore: EventStore,
  ids: readonly string[],
  streamIdOf: (id: string) => string,
): Promise<string[]> => {
  const found = await Promise.all(
    ids.map(async (id) => ((await eventStore.readStream(streamIdOf(id))).length > 0 ? id : null)),
  );
  return found.filter((id): id is string => id !== null);
};
