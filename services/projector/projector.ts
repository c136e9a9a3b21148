import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { createLogFollower } from '../../infra/log-follower/log-follower.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { CheckpointMovedError } from '../../infra/read-model-store/port.ts';
import { toEnvelope } from '../../projections/envelope.ts';
import type { Projection } from '../../projections/projection.ts';
import { applyPage, touchedDocuments } from './apply-page.ts';
import { createVersionTracker, lastLogDay, temporalCollections } from './versions.ts';

type Doc = { position: number } & Record<string, unknown>;

export interface ProjectorOptions {
  projectorId: string;
  eventStore: EventStore;
  readModels: ReadModelStore;
  projections: readonly Projection<Doc>[];
  batchSize: number;
  /** Called after each commit with the position reached. */
  onCommitted?: (position: number) => void;
  /** Called when a catch-up started by a wake-up fails (the next poll tries again). */
  onError?: (error: unknown) => void;
}

/**
 * Follows the ordered log from the projector's checkpoint (see `createLogFollower`):
 * each page goes through the projections, and its documents commit together with
 * the checkpoint, under the lease term of the catch-up when it has one.
 */
export const createProjector = (options: ProjectorOptions) => {
  const { projectorId, readModels, projections } = options;
  const temporal = temporalCollections(projections);
  // The day the log had reached at the last commit, read again when another node moved it.
  let reached = { position: -1, day: '' };
  const reachedAt = async (position: number): Promise<string> =>
    reached.position === position ? reached.day : lastLogDay(readModels);

  const loadDocuments = async (touched: Map<string, Set<string>>) => {
    const loaded = new Map<string, Map<string, Doc>>();
    for (const [collection, ids] of touched) {
      loaded.set(collection, await readModels.getMany<Doc>(collection, [...ids]));
    }
    return loaded;
  };

  const project = async (page: readonly StoredEvent[], from: number, term?: number) => {
    // An empty store (a first start, or emptied for a rebuild): index it before it fills.
    if (from === 0) await indexEmptyStore(readModels, projections, projectorId);
    const to = page.at(-1)!.position;
    const envelopes = page.map(toEnvelope);
    const loaded = await loadDocuments(touchedDocuments(projections, envelopes));
    const versions = createVersionTracker(temporal, await reachedAt(from));
    const changes = applyPage(projections, loaded, envelopes, versions);
    const kept = versions.take();
    await readModels.commit(
      projectorId,
      [...changes, ...kept.changes],
      { from, to, ...(term === undefined ? {} : { term }) },
      kept.versions,
    );
    reached = { position: to, day: versions.reached() };
    options.onCommitted?.(to);
  };

  return createLogFollower({
    eventStore: options.eventStore,
    batchSize: options.batchSize,
    checkpoint: {
      position: () => readModels.getCheckpoint(projectorId),
      take: project,
      moved: (error) => error instanceof CheckpointMovedError,
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
};

export type Projector = ReturnType<typeof createProjector>;

/**
 * Creates the indexes the projections declare, when the store holds nothing
 * yet (checkpoint 0): then it costs nothing. A store projected before an index
 * was declared gets it at its next rebuild.
 */
export const indexEmptyStore = async (
  readModels: ReadModelStore,
  projections: readonly Projection<Doc>[],
  projectorId = 'main',
): Promise<void> => {
  if ((await readModels.getCheckpoint(projectorId)) !== 0) return;
  for (const projection of projections) {
    for (const field of projection.indexes ?? []) {
      await readModels.ensureIndex(projection.collection, field);
    }
  }
};
