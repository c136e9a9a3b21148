import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { CheckpointMovedError } from '../../infra/read-model-store/port.ts';
import type { EventEnvelope, Projection } from '../../projections/projection.ts';
import { toDomainEvent } from '../shared/upcast.ts';
import { applyPage, touchedDocuments } from './apply-page.ts';

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

export const toEnvelope = (stored: StoredEvent): EventEnvelope => ({
  event: toDomainEvent(stored),
  position: stored.position,
  streamId: stored.streamId,
  revision: stored.revision,
  recordedAt: stored.recordedAt,
  actorId: stored.metadata.actor.id,
});

/**
 * Reads the ordered log from its checkpoint in pages, applies the projections and
 * commits documents and checkpoint together. One catch-up runs at a time; a wake
 * that arrives during a run makes it go round once more.
 */
export const createProjector = (options: ProjectorOptions) => {
  let running: Promise<void> | null = null;
  let again = false;

  const loadDocuments = async (touched: Map<string, Set<string>>) => {
    const loaded = new Map<string, Map<string, Doc>>();
    for (const [collection, ids] of touched) {
      loaded.set(collection, await options.readModels.getMany<Doc>(collection, [...ids]));
    }
    return loaded;
  };

  /** Applies one page; returns how many events it covered. */
  const step = async (): Promise<number> => {
    const from = await options.readModels.getCheckpoint(options.projectorId);
    const page = await options.eventStore.readAll({ after: from, limit: options.batchSize });
    const last = page.at(-1);
    if (!last) return 0;
    const envelopes = page.map(toEnvelope);
    const loaded = await loadDocuments(touchedDocuments(options.projections, envelopes));
    const changes = applyPage(options.projections, loaded, envelopes);
    await options.readModels.commit(options.projectorId, changes, { from, to: last.position });
    options.onCommitted?.(last.position);
    return page.length;
  };

  const drain = async () => {
    do {
      again = false;
      try {
        while ((await step()) > 0) {}
      } catch (error) {
        // Another projector moved the checkpoint first: read it again and go on.
        if (!(error instanceof CheckpointMovedError)) throw error;
        again = true;
      }
    } while (again);
  };

  /**
   * Catches up to the end of the log. Joining a catch-up already running waits for
   * the round this call asked for too, so the answer never comes before it.
   */
  const catchUp = (): Promise<void> => {
    if (running) {
      again = true;
      return running.then(() => running ?? undefined);
    }
    running = drain().finally(() => {
      running = null;
      // A wake that came after the last look at the log must not wait for the poll.
      if (again) catchUp().catch((error: unknown) => options.onError?.(error));
    });
    return running;
  };

  return { catchUp, step };
};

export type Projector = ReturnType<typeof createProjector>;
