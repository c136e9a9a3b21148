import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the peer accepted: its envelope recipient, Message-ID and raw text. */
export interface ReceivedMail {
  to: string[];
  messageId: string | null;
  raw: string;
}

/**
 * A real SMTP server (the `smtp-server` package) the tests send to: it keeps
 * every message it accepted, and can be taken down and brought up again on the
 * same port, as a mail relay that is away for a while.
 */
export const startSmtpPeer = async () => {
  const received: ReceivedMail[] = [];
  let port = 0;
  let server: SMTPServer | null = null;

  const up = async (): Promise<void> => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? null;
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            messageId,
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  };

  const down = async (): Promise<void> => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await up();
  return {
    received,
    url: () => `smtp://127.0.0.1:${port}`,
    up,
    down,
  };
};

export type SmtpPeer = Awaited<ReturnType<typeof startSmtpPeer>>;
