import { z } from 'zod';
import { notificationStatuses } from '../../domain/notifications/queue-row.ts';
import { id, idempotencyKey, oneOf } from '../fields.ts';
import { command, office, query, readers, served } from './declare.ts';

/** Notifications (通知): what the facts of the log sent to whom, and the office's retry. */

/** A page of the notification queue, newest fact first, optionally of one status, task or person. */
export const notificationsInput = z.object({
  status: oneOf(notificationStatuses).nullish(),
  taskId: id().nullish(),
  officialId: id().nullish(),
  first: z
    .number({ error: 'must be a whole number between 1 and 200' })
    .int('must be a whole number between 1 and 200')
    .min(1, 'must be a whole number between 1 and 200')
    .max(200, 'must be a whole number between 1 and 200')
    .nullish(),
  after: z.string().max(200, 'must be a cursor this query gave').nullish(),
  /** `false`: the caller does not read the total, which is then not counted. */
  withTotal: z.boolean().nullish(),
});

export const retryNotificationInput = z.object({ notificationId: id(), idempotencyKey });

export const notificationCommands = served('notifications', {
  retryNotification: command(office, retryNotificationInput),
});

export const notifications = query(office, 'notifications.list', {
  name: 'notifications',
  params: (args) => ({
    ...((args.filter as Record<string, unknown> | null | undefined) ?? {}),
    first: args.first,
    after: args.after,
  }),
  totalField: 'totalCount',
});

/** The caller's own notifications (an official signed in as themselves), newest first. */
export const myNotificationsInput = notificationsInput.pick({
  status: true,
  first: true,
  after: true,
});

export const myNotifications = query(readers, 'notifications.mine', {
  name: 'myNotifications',
  params: (args) => ({ status: args.status, first: args.first, after: args.after }),
});
