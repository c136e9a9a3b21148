import type { RulesetEvent } from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { rulesStreamId } from '../../../contracts/streams.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
  BoardOfficial,
  BoardTask,
} from '../../../projections/boards/index.ts';
import { boardCollections, type Snapshot } from './snapshot.ts';

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
  const all = async <T>(collection: string): Promise<T[]> =>
    (await readModels.find<T>(collection)).items;
  const [tasks, milestones, blockages, indicators, officials, units, rules, position] =
    await Promise.all([
      all<BoardTask>(boardCollections.tasks),
      all<BoardMilestone>(boardCollections.milestones),
      all<BoardBlockage>(boardCollections.blockages),
      all<BoardIndicator>(boardCollections.indicators),
      all<BoardOfficial>(boardCollections.officials),
      all<{ id: string; name: string }>(boardCollections.units),
      eventStore.readStream(rulesStreamId),
      readModels.getCheckpoint(projectorId),
    ]);
  return {
    docs: {
      tasks,
      milestones,
      blockages,
      indicators,
      officials,
      units: units.map(({ id, name }) => ({ id, name })),
    },
    rulesets: rules.map((stored) => toDomainEvent<RulesetEvent>(stored).data),
    position,
  };
};
