import nodemailer from 'nodemailer';
import type { NotificationPort, OutgoingNotification } from '../port.ts';

export interface SmtpOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (NOTIFY_SMTP_URL). */
  url: string;
  /** The From address (NOTIFY_SMTP_FROM). */
  from: string;
}

/** The Message-ID of a notification: the same id on every attempt, so a mailbox can drop a repeat. */
export const messageIdOf = (id: string): string => `<${id}@notifications.dubanju>`;

/** E-mail through an SMTP relay (nodemailer); the relay's acceptance is the delivery. */
export const createSmtpPort = (options: SmtpOptions): NotificationPort => {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message: OutgoingNotification) {
      await transport.sendMail({
        from: options.from,
        to: message.address,
        subject: message.subject,
        text: message.text,
        messageId: messageIdOf(message.id),
        headers: {
          'X-Notification-Id': message.id,
          ...(message.urgent ? { Priority: 'urgent' } : {}),
        },
        ...(message.urgent ? { priority: 'high' as const } : {}),
      });
    },
    async close() {
      transport.close();
    },
  };
};
