import type { NotificationEvent } from '../../contracts/events/index.ts';
import type { Notification } from './types.ts';

/**
 * `pending`: not sent yet (or waiting for an address); `failed`: sending failed
 * and is retried; `delivered`: a channel accepted it, never sent again.
 */
export type NotificationStatus = 'pending' | 'failed' | 'delivered';

export const notificationStatuses = [
  'pending',
  'failed',
  'delivered',
] as const satisfies readonly NotificationStatus[];

/** One row of the notification queue (collection `notifications`, id = notification id). */
export type QueuedNotification = Notification & {
  /** The last log position that changed the row. */
  position: number;
  status: NotificationStatus;
  /** Attempts recorded so far (the sender counts those between two records itself). */
  attempts: number;
  lastError: string | null;
  /** When the sender may try it: at once when queued or retried, later after a failure. */
  nextAttemptAt: string;
  deliveredAt: string | null;
};

/** A derived notification as queued: due at once. */
export const queued = (notification: Notification, position: number): QueuedNotification => ({
  ...notification,
  position,
  status: 'pending',
  attempts: 0,
  lastError: null,
  nextAttemptAt: notification.recordedAt,
  deliveredAt: null,
});

/**
 * The row after a fact of its notification's stream. A delivered row stays
 * delivered whatever comes after (a late failure record of a parallel attempt).
 */
export const afterDeliveryFact = (
  row: QueuedNotification,
  event: NotificationEvent,
  at: { position: number; recordedAt: string },
): QueuedNotification => {
  if (row.status === 'delivered') return row;
  const { position, recordedAt } = at;
  switch (event.type) {
    case 'NotificationDelivered':
      return {
        ...row,
        position,
        status: 'delivered',
        attempts: event.data.attempts,
        deliveredAt: recordedAt,
      };
    case 'NotificationDeliveryFailed':
      return {
        ...row,
        position,
        status: 'failed',
        attempts: Math.max(row.attempts, event.data.attempts),
        lastError: event.data.error,
        nextAttemptAt: event.data.nextAttemptAt,
      };
    case 'NotificationRetryRequested':
      return { ...row, position, nextAttemptAt: recordedAt };
    default: {
      const _exhaustive: never = event;
      return row;
    }
  }
};
