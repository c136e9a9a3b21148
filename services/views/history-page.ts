import type { z } from 'zod';
import type { taskHistoryInput } from '../../contracts/catalogue/tasks/queries.ts';
import { decodeCursor, encodeCursor } from '../../contracts/cursor.ts';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';

/** A page of a task's history, as asked. */
export type HistoryPageArgs = Omit<z.output<typeof taskHistoryInput>, 'id'>;

/** The events of one page of a stream, oldest first, and what lies on either side. */
export interface StreamPage {
  events: StoredEvent[];
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/** Events a page holds when the caller does not say. */
export const defaultHistoryPage = 100;

/** The revision a cursor of this history names. */
const revisionOf = (cursor: string, field: 'after' | 'before'): number =>
  decodeCursor(cursor, field) - 1;

/** The cursor of an event of a history: its revision in the stream, opaque to clients. */
export const historyCursor = (event: StoredEvent): string => encodeCursor(event.revision);

/**
 * One page of a stream by its revisions (keyset: the last page costs what the
 * first does, whatever the stream's length): forwards from the start or after
 * a cursor, or backwards from the newest or before a cursor. One event more
 * than the page is read to know whether there are more.
 */
export const readStreamPage = async (
  eventStore: EventStore,
  streamId: string,
  page: HistoryPageArgs,
): Promise<StreamPage> => {
  const backwards = page.last != null || page.before != null;
  if (backwards) {
    const size = page.last ?? defaultHistoryPage;
    const before = page.before == null ? null : revisionOf(page.before, 'before');
    if (before === 0) return { events: [], hasPreviousPage: false, hasNextPage: true };
    const read = await eventStore.readStream(streamId, {
      direction: 'backwards',
      limit: size + 1,
      ...(before === null ? {} : { fromRevision: before - 1 }),
    });
    return {
      events: read.slice(0, size).reverse(),
      hasPreviousPage: read.length > size,
      hasNextPage: before !== null,
    };
  }
  const size = page.first ?? defaultHistoryPage;
  const from = page.after == null ? 0 : revisionOf(page.after, 'after') + 1;
  const read = await eventStore.readStream(streamId, { fromRevision: from, limit: size + 1 });
  return {
    events: read.slice(0, size),
    hasPreviousPage: from > 0,
    hasNextPage: read.length > size,
  };
};

/** 代录: the unit's source an office-recorded report names; null for any other event. */
const proxySourceOf = (data: unknown): string | null => {
  const source = (data as { proxySource?: unknown } | null)?.proxySource;
  return typeof source === 'string' ? source : null;
};

/**
 * A page of a task's history as the API gives it: each event with who recorded
 * it, its leaf hash, and whether the last signed head (`signedSize` events)
 * covers it; cursors and page info as connections have them. The leaf hash
 * (canonical JSON and SHA-256 of the stored event: costly on a page of a
 * hundred) is computed when read: by a query that selects it, or when the
 * page is sent over the bus.
 */
export const historyConnection = (page: StreamPage, signedSize: number) => {
  const edges = page.events.map((event) => ({
    cursor: historyCursor(event),
    node: {
      id: event.id,
      position: event.position,
      revision: event.revision,
      type: event.type,
      version: event.version,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      correlationId: event.metadata.correlationId,
      data: event.data,
      proxySource: proxySourceOf(event.data),
      get leafHash(): string {
        return eventLeafHash(event).toString('hex');
      },
      coveredBySignedHead: event.position <= signedSize,
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};
