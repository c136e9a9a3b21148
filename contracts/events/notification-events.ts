/** The ways a notification reaches a person: e-mail, SMS, and the group robots of 钉钉 and 企业微信. */
export const notificationChannels = ['email', 'sms', 'dingtalk', 'wecom'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * Events of a notification's stream (`notification-<id>`): what became of one
 * notification derived from a fact of the log (see domain/notifications). The
 * notification itself is not an event: it is implied by the fact that caused it,
 * appended in that fact's transaction, so the log is the outbox.
 */
export type NotificationEvent =
  | {
      /** The channel accepted the message; recorded once per notification (its event id is derived). */
      type: 'NotificationDelivered';
      data: { notificationId: string; channel: NotificationChannel; attempts: number };
    }
  | {
      /**
       * Sending failed. Recorded on the first failure and then every few
       * attempts, not at each: the office sees a failing channel without the log
       * filling up while it is down.
       */
      type: 'NotificationDeliveryFailed';
      data: {
        notificationId: string;
        channel: NotificationChannel;
        attempts: number;
        error: string;
        nextAttemptAt: string;
      };
    }
  | {
      /** The office asked to send it again now (and its address to be looked up again). */
      type: 'NotificationRetryRequested';
      data: { notificationId: string };
    };

export type NotificationEventType = NotificationEvent['type'];

export const notificationEventTypes = [
  'NotificationDelivered',
  'NotificationDeliveryFailed',
  'NotificationRetryRequested',
] as const satisfies readonly NotificationEventType[];
