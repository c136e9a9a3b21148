import { isNotificationEvent } from '../../contracts/events/families.ts';
import { notificationEventTypes } from '../../contracts/events/index.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import { deriveNotifications } from '../../domain/notifications/derive.ts';
import {
  afterDeliveryFact,
  type QueuedNotification,
  queued,
} from '../../domain/notifications/queue-row.ts';
import { ruleOf } from '../../domain/notifications/rules.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { createLogFollower } from '../../infra/log-follower/log-follower.ts';
import type { DocumentChange, ReadModelStore } from '../../infra/read-model-store/port.ts';
import { CheckpointMovedError } from '../../infra/read-model-store/port.ts';
import type { TaskDetail } from '../../projections/task-detail/document.ts';
import {
  chinaDay,
  type Directory,
  loadDirectory,
  notifyContext,
  taskFacts,
} from './directory-lookup.ts';
import { rerouted } from './reroute.ts';

const notificationTypes: ReadonlySet<string> = new Set(notificationEventTypes);

/** The queue's collection and its checkpoint. */
export const queueCollection = 'notifications';
export const queueCheckpoint = 'notifications';
/** The projector's checkpoint: the queue never reads the log beyond the read models. */
const projectorCheckpoint = 'main';

/** The fields the office and the sender ask the queue by. */
export const queueIndexes = ['status', 'taskId', 'officialId', 'nextAttemptAt', 'sourcePosition'];

/**
 * The log as far as the read models reached: a notification names the task's
 * title and the people holding posts on the fact's day, read from the read
 * models, so the queue takes no fact the projector has not applied yet.
 */
const upToProjected = (eventStore: EventStore, readModels: ReadModelStore): EventStore => ({
  ...eventStore,
  readAll: async (options) => {
    const projected = await readModels.getCheckpoint(projectorCheckpoint);
    if (projected <= options.after) return [];
    const limit = Math.min(options.limit, projected - options.after);
    return eventStore.readAll({ after: options.after, limit });
  },
});

const taskIdOf = (stored: StoredEvent): string | null => {
  const taskId = (stored.data as { taskId?: unknown } | null)?.taskId;
  return typeof taskId === 'string' ? taskId : null;
};

export interface QueueOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  batchSize: number;
  onError?: (error: unknown) => void;
  /** Called after a commit that queued or changed rows: the sender need not wait for its tick. */
  onQueued?: () => void;
}

/**
 * The notification queue: a follower of the log that writes, for every fact
 * that notifies, the notifications it implies (one row each, status pending)
 * and marks them from their own facts (delivered, failed, retried), committing
 * the rows with its checkpoint in one step as the projections do. The rows are
 * derived from the log and rebuildable; what was sent is in the log.
 */
export const createNotificationQueue = (options: QueueOptions) => {
  const { readModels } = options;

  const rowsOf = async (page: readonly StoredEvent[], directory: () => Promise<Directory>) => {
    const rows = new Map<string, QueuedNotification | null>();
    const known = async (id: string) => {
      if (!rows.has(id))
        rows.set(id, await readModels.get<QueuedNotification>(queueCollection, id));
      return rows.get(id) ?? null;
    };
    // The rows the page's delivery facts speak of, in one read.
    const spoken = page.flatMap((stored) => {
      const id = (stored.data as { notificationId?: unknown } | null)?.notificationId;
      return notificationTypes.has(stored.type) && typeof id === 'string' ? [id] : [];
    });
    if (spoken.length > 0) {
      const found = await readModels.getMany<QueuedNotification>(queueCollection, spoken);
      for (const id of spoken) rows.set(id, found.get(id) ?? null);
    }
    const notifying = page.filter((stored) => ruleOf(stored.type as never) !== null);
    const taskIds = [...new Set(notifying.map(taskIdOf).filter((id) => id !== null))];
    const tasks =
      taskIds.length > 0 ? await readModels.getMany<TaskDetail>('tasks', taskIds) : new Map();
    for (const stored of page) {
      const event = toDomainEvent(stored);
      if (isNotificationEvent(event)) {
        const row = await known(event.data.notificationId);
        if (!row) continue;
        const next = afterDeliveryFact(row, event, stored);
        rows.set(
          row.id,
          event.type === 'NotificationRetryRequested' ? rerouted(next, await directory()) : next,
        );
        continue;
      }
      if (ruleOf(event.type) === null) continue;
      const taskId = taskIdOf(stored);
      const context = notifyContext(
        await directory(),
        taskFacts(taskId ? (tasks.get(taskId) ?? null) : null),
        chinaDay(stored.recordedAt),
      );
      const fact = {
        eventId: stored.id,
        position: stored.position,
        recordedAt: stored.recordedAt,
        event,
      };
      for (const notification of deriveNotifications(fact, context)) {
        // Derived again (a page taken twice after a crash): the row as it stands wins.
        if (!(await known(notification.id)))
          rows.set(notification.id, queued(notification, stored.position));
      }
    }
    return rows;
  };

  /** Whether this process has moved the checkpoint: a checkpoint back at 0 then means a reset. */
  let followed = false;

  /**
   * Begins at the log's end: facts recorded before notifications existed (or
   * before the read models were emptied for a rebuild) are not notified again,
   * years later. The queue's indexes are made while it is empty.
   */
  const startAtEnd = async (): Promise<void> => {
    for (const field of queueIndexes) await readModels.ensureIndex(queueCollection, field);
    const end = await options.eventStore.lastPosition();
    if (end === 0) return;
    await readModels.commit(queueCheckpoint, [], { from: 0, to: end }).catch((error) => {
      if (!(error instanceof CheckpointMovedError)) throw error;
    });
  };

  /** The checkpoint; emptied under a running queue (a rebuild), it starts again at the end. */
  const position = async (): Promise<number> => {
    const at = await readModels.getCheckpoint(queueCheckpoint);
    if (at !== 0 || !followed) return at;
    followed = false;
    await startAtEnd();
    return readModels.getCheckpoint(queueCheckpoint);
  };

  const take = async (page: readonly StoredEvent[], from: number, term?: number) => {
    let directory: Promise<Directory> | null = null;
    const rows = await rowsOf(page, () => {
      directory ??= loadDirectory(readModels);
      return directory;
    });
    const changes: DocumentChange[] = [...rows]
      .filter((entry): entry is [string, QueuedNotification] => entry[1] !== null)
      .map(([id, doc]) => ({ collection: queueCollection, id, doc }));
    await readModels.commit(queueCheckpoint, changes, {
      from,
      to: page.at(-1)!.position,
      ...(term === undefined ? {} : { term }),
    });
    followed = true;
    if (changes.length > 0) options.onQueued?.();
  };

  const follower = createLogFollower({
    eventStore: upToProjected(options.eventStore, readModels),
    batchSize: options.batchSize,
    checkpoint: {
      position,
      take,
      moved: (error) => error instanceof CheckpointMovedError,
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });

  let begun = false;
  return {
    ...follower,
    /**
     * On the first start (no checkpoint) the queue begins at the log's end. Once
     * per process: a log still empty then is followed from its start.
     */
    async begin(): Promise<void> {
      if (begun) return;
      begun = true;
      if ((await readModels.getCheckpoint(queueCheckpoint)) === 0) await startAtEnd();
    },
  };
};

export type NotificationQueue = ReturnType<typeof createNotificationQueue>;
