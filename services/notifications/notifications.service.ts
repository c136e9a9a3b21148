import type { ServiceSchema } from 'moleculer';
import {
  myNotificationsInput,
  notificationsInput,
  retryNotificationInput,
} from '../../contracts/catalogue/notifications.ts';
import { notFound, validationError } from '../../contracts/errors.ts';
import { notificationStreamId } from '../../contracts/streams.ts';
import type { NotifySettings } from '../../infra/config/notify-config.ts';
import type { Leadership } from '../../infra/leadership/leadership.ts';
import { alwaysLeading } from '../../infra/leadership/leadership.ts';
import {
  type FollowingUnderLease,
  followUnderLease,
} from '../../infra/log-follower/follow-under-lease.ts';
import { startTicker, type Ticker } from '../../infra/log-follower/ticker.ts';
import type { NotificationPort } from '../../infra/notify/port.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { projectedEvent } from '../shared/deps.ts';
import { runCommand } from '../shared/run-command.ts';
import { parseInput } from '../shared/validate.ts';
import { channelsOf } from './channels.ts';
import { notificationDecider } from './domain/decider.ts';
import { listNotifications } from './list.ts';
import { createNotificationQueue, type NotificationQueue, queueCollection } from './queue.ts';
import { createSender, type Sender } from './sender.ts';

export interface NotificationsOptions {
  settings: Readonly<NotifySettings>;
  /** The `notifier` lease: only its holder queues and sends; default: always leading. */
  leadership?: Leadership;
  /** Channels given directly (tests); default: those the settings configure. */
  channels?: ReturnType<typeof channelsOf>;
  random?: () => number;
}

/**
 * Notifications that reach people: the queue follows the log (after the read
 * models) and writes the notifications each fact implies; the sender sends the
 * due ones and records each delivery once. Across nodes only the holder of the
 * `notifier` lease does either. With no channel configured, notifications stay
 * in the queue, pending, for the office to see.
 */
export const createNotificationsService = (
  deps: ServiceDeps,
  options: NotificationsOptions,
): ServiceSchema => {
  let queue: NotificationQueue | null = null;
  let sender: Sender | null = null;
  let following: FollowingUnderLease | null = null;
  let ticker: Ticker | null = null;

  return {
    name: 'notifications',
    events: {
      // The queue reads the log only as far as the read models: it follows the projector.
      [projectedEvent]: {
        handler() {
          following?.wake();
        },
      },
    },
    actions: {
      /** The office's 重新发送: due at once, its address looked up again; never once delivered. */
      retryNotification: guarded('retryNotification', async (ctx, actor) => {
        const input = parseInput(retryNotificationInput, ctx.params);
        const id = input.notificationId;
        if (!(await deps.readModels.get(queueCollection, id))) {
          throw notFound('notificationId', `notification ${id}`);
        }
        const command = { type: 'RetryNotification' as const, data: { notificationId: id } };
        const result = await runCommand(
          deps,
          ctx,
          actor,
          notificationDecider,
          notificationStreamId(id),
          command,
          input.idempotencyKey ?? undefined,
        );
        return { revision: result.revision, position: result.position };
      }),
      list: guarded('notifications', async (ctx) =>
        listNotifications(deps.readModels, parseInput(notificationsInput, ctx.params), () =>
          validationError('after', 'must be a cursor this query gave'),
        ),
      ),
      /** The caller's own: those to the official the caller is (none for a role without one). */
      mine: guarded('myNotifications', async (ctx, actor) =>
        listNotifications(
          deps.readModels,
          { ...parseInput(myNotificationsInput, ctx.params), taskId: null, officialId: actor.id },
          () => validationError('after', 'must be a cursor this query gave'),
        ),
      ),
      /** Sends what is due now (tests, and the office's console after a retry). */
      sendDue: guarded('internal', async () => ({ tried: (await sender?.sendDue()) ?? 0 })),
      /** Brings the queue to the read models' position now. */
      catchUp: guarded('internal', async () => {
        await queue?.catchUp();
        return { ok: true };
      }),
    },
    async started() {
      const logger = this.logger;
      const channels: Partial<Record<string, NotificationPort>> =
        options.channels ?? channelsOf(options.settings);
      const q = createNotificationQueue({
        eventStore: deps.eventStore,
        readModels: deps.readModels,
        batchSize: deps.projectorBatchSize,
        onError: (error) => logger.error('notification queue failed', error),
        // New rows go out at once, not at the next tick (which remains for retries).
        onQueued: () => {
          if (ticker)
            s.sendDue().catch((error) => logger.error('sending notifications failed', error));
        },
      });
      const s = createSender({
        eventStore: deps.eventStore,
        readModels: deps.readModels,
        handle: deps.handle,
        clock: deps.clock,
        channels,
        quietHours: options.settings.quietHours,
        concurrency: options.settings.senderConcurrency,
        backoff: options.settings.retry,
        ...(options.random ? { random: options.random } : {}),
        onError: (error) => logger.warn('recording a notification failed; tried again', error),
      });
      queue = q;
      sender = s;
      if (Object.keys(channels).length === 0) {
        logger.warn('no notification channel configured: notifications stay pending in the queue');
      }
      following = followUnderLease({
        leadership: options.leadership ?? alwaysLeading(),
        catchUp: async (proceed, term) => {
          await q.begin();
          await q.catchUp(proceed, term);
        },
        pollMs: deps.projectorPollMs,
        coalesceMs: deps.projectorCoalesceMs,
        onWakeError: (error) => logger.error('notification queue failed', error),
        onPollError: (error) => logger.error('notification queue failed; retrying', error),
        alongside: {
          lead() {
            ticker = startTicker(
              options.settings.senderIntervalMs,
              async () => {
                await s.sendDue();
              },
              (error) => logger.error('sending notifications failed; retrying', error),
            );
          },
          standDown() {
            ticker?.stop();
            ticker = null;
          },
        },
      });
      await following.start();
    },
    async stopped() {
      await following?.stop();
      ticker?.stop();
      await sender?.close();
      queue = null;
      sender = null;
    },
  };
};
