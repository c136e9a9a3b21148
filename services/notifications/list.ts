import { z } from 'zod';
import type { notificationsInput } from '../../contracts/catalogue/notifications.ts';
import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import type { Filter, ReadModelStore } from '../../infra/read-model-store/port.ts';
import { queueCollection } from './queue.ts';

export type NotificationsQuery = z.output<typeof notificationsInput>;

export interface NotificationPage {
  items: QueuedNotification[];
  total: number;
  /** The cursor of the next page; null on the last. */
  endCursor: string | null;
}

const cursorOf = (row: QueuedNotification): string =>
  Buffer.from(JSON.stringify([row.sourcePosition, row.id])).toString('base64url');

const cursorShape = z.tuple([z.number().int(), z.string()]);

const positionOf = (cursor: string) => {
  try {
    const [value, id] = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    return { value, id };
  } catch {
    return null;
  }
};

/**
 * A page of the queue, newest fact first, by the indexed fields: a page costs
 * what its rows cost, whatever the length of the queue or the log.
 */
export const listNotifications = async (
  readModels: ReadModelStore,
  query: NotificationsQuery,
  invalidCursor: () => Error,
): Promise<NotificationPage> => {
  const filter: Filter = {};
  if (query.status) filter.status = query.status;
  if (query.taskId) filter.taskId = query.taskId;
  if (query.officialId) filter.officialId = query.officialId;
  const after = query.after ? positionOf(query.after) : undefined;
  if (after === null) throw invalidCursor();
  const first = query.first ?? 50;
  const page = await readModels.find<QueuedNotification>(queueCollection, {
    filter,
    sort: [{ field: 'sourcePosition', direction: 'desc' }],
    limit: first + 1,
    count: query.withTotal !== false,
    ...(after ? { after } : {}),
  });
  const items = page.items.slice(0, first);
  const last = items.at(-1);
  return {
    items,
    total: page.total,
    endCursor: page.items.length > first && last ? cursorOf(last) : null,
  };
};
