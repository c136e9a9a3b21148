import type { OfficialEvent } from '../../../contracts/events/index.ts';
import { officialEventTypes } from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { addToTimeline, type PostTerm } from '../../../domain/posts-timeline.ts';
import type { EventStore, StoredEvent } from '../../../infra/event-store/port.ts';

/** An official (干部) as the directory lists them. */
export interface OfficialEntry {
  id: string;
  name: string;
  title: string;
  registeredAt: string;
}

const officialTypes: ReadonlySet<string> = new Set(officialEventTypes);

/**
 * The officials and every post term, folded from the event log and kept in
 * memory. Each `refresh` reads only what was appended since the last one, so a
 * query sees every official registered before it, by any process. The log is
 * the only thing read: nothing here is written anywhere.
 */
export const createOfficialsIndex = (eventStore: EventStore, pageSize = 2000) => {
  const officials = new Map<string, OfficialEntry>();
  let timeline: readonly PostTerm[] = [];
  let position = 0;
  let queue: Promise<void> = Promise.resolve();

  const apply = (stored: StoredEvent): void => {
    if (!officialTypes.has(stored.type)) return;
    const event = toDomainEvent<OfficialEvent>(stored);
    if (event.type === 'OfficialRegistered') {
      const { officialId, name, title } = event.data;
      officials.set(officialId, { id: officialId, name, title, registeredAt: stored.recordedAt });
    }
    timeline = addToTimeline(timeline, event);
  };

  const catchUp = async (): Promise<void> => {
    for (;;) {
      const page = await eventStore.readAll({ after: position, limit: pageSize });
      for (const stored of page) {
        apply(stored);
        position = stored.position;
      }
      if (page.length < pageSize) return;
    }
  };

  return {
    /** Reads what was appended since the last refresh; refreshes run one after another. */
    refresh: (): Promise<void> => {
      queue = queue.catch(() => undefined).then(catchUp);
      return queue;
    },
    officials: (): OfficialEntry[] => [...officials.values()],
    official: (id: string): OfficialEntry | null => officials.get(id) ?? null,
    timeline: (): readonly PostTerm[] => timeline,
  };
};

export type OfficialsIndex = ReturnType<typeof createOfficialsIndex>;
