import type { RulesetEvent } from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { rulesStreamId } from '../../../contracts/streams.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { boardCollections, boardDocuments, type Snapshot } from './snapshot.ts';

/** The projector whose checkpoint says which position the read models reflect. */
const projectorId = 'main';

/**
 * Today's snapshot: the documents the projector keeps in the read-model store,
 * and the rulesets published so far (the `rules` stream is short: read whole).
 */
export const liveSnapshot = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
): Promise<Snapshot> => {
  const read = async (collection: string) =>
    [collection, (await readModels.find(collection)).items] as const;
  const [found, rules, position] = await Promise.all([
    Promise.all(Object.values(boardCollections).map(read)),
    eventStore.readStream(rulesStreamId),
    readModels.getCheckpoint(projectorId),
  ]);
  const documents = new Map<string, unknown[]>(found);
  return {
    docs: boardDocuments((collection) => documents.get(collection) ?? []),
    rulesets: rules.map((stored) => toDomainEvent<RulesetEvent>(stored).data),
    position,
  };
};
