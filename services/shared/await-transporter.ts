import type { ConnectionOptions } from 'nats';
import { connect as natsConnect } from 'nats';

export interface AwaitTransporterOptions {
  connection: ConnectionOptions;
  /** TRANSPORTER as it may be logged: the password replaced (see `redactedTransporter`). */
  shown: string;
  logger: { info(message: string): void; error(message: string): void };
  /** Aborted when the process stops while still waiting. */
  signal: AbortSignal;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A test seam: opens and closes one connection, or throws why it could not. */
  probe?: (connection: ConnectionOptions) => Promise<void>;
}

const probeOnce = async (connection: ConnectionOptions): Promise<void> => {
  const nc = await natsConnect({ ...connection, reconnect: false, timeout: 5000 });
  await nc.close();
};

/** What went wrong, in words that say which setting to look at. */
export const explainNatsError = (error: unknown): string => {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'AUTHORIZATION_VIOLATION' || /authoriz/i.test(message ?? '')) {
    return 'the server refused the credentials (NATS_USER/NATS_PASSWORD, NATS_TOKEN or the user in TRANSPORTER)';
  }
  if (code === 'CONNECTION_REFUSED') return 'nothing listens there (connection refused)';
  if (/ENOTFOUND|EAI_AGAIN/.test(message ?? '')) return 'the host name does not resolve';
  if (/tls|certificate|ssl/i.test(message ?? '')) return `TLS failed (NATS_TLS_*): ${message}`;
  return message ?? String(error);
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Waits until the NATS server of TRANSPORTER accepts a connection, before the
 * broker starts: each failed attempt logs one line naming the setting and why,
 * then waits twice as long as before (up to `maxDelayMs`). Moleculer would retry
 * too, but every 5 s with a generic message; here a wrong URL or password is
 * plain in the log and the process stays up, not ready, instead of crash-looping.
 * Answers false when stopped while waiting.
 */
export const awaitTransporter = async (options: AwaitTransporterOptions): Promise<boolean> => {
  const probe = options.probe ?? probeOnce;
  const first = options.firstDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    try {
      await probe(options.connection);
      if (attempt > 1) options.logger.info(`TRANSPORTER=${options.shown}: connected`);
      return true;
    } catch (error) {
      const delay = Math.min(max, first * 2 ** (attempt - 1));
      options.logger.error(
        `TRANSPORTER=${options.shown}: cannot connect to NATS: ${explainNatsError(error)}; ` +
          `retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})`,
      );
      await sleep(delay, options.signal);
    }
  }
  return false;
};
