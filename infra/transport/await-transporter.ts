import type { ConnectionOptions } from 'nats';
import { connect as natsConnect } from 'nats';
import { retryWithBackoff } from '../retry/retry-with-backoff.ts';

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

/**
 * Waits until the NATS server of TRANSPORTER accepts a connection, before the
 * broker starts (see `retryWithBackoff`). Moleculer would retry too, but every
 * 5 s with a generic message; here a wrong URL or password is plain in the log.
 * Answers false when stopped while waiting.
 */
export const awaitTransporter = (options: AwaitTransporterOptions): Promise<boolean> =>
  retryWithBackoff({
    attempt: () => (options.probe ?? probeOnce)(options.connection),
    explain: (error) =>
      `TRANSPORTER=${options.shown}: cannot connect to NATS: ${explainNatsError(error)}`,
    recovered: `TRANSPORTER=${options.shown}: connected`,
    logger: options.logger,
    signal: options.signal,
    ...(options.firstDelayMs === undefined ? {} : { firstDelayMs: options.firstDelayMs }),
    ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
  });
