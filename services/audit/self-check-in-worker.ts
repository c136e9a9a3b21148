import { Worker } from 'node:worker_threads';
import type { WriteKey } from '../../domain/transparency/written-event.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { StoreConfig } from '../../infra/stores/stores.ts';
import { workerBundle } from '../../infra/worker-bundle/worker-bundle.ts';

/** The worker's module, from the working directory (the repository), as the boards' is. */
const workerEntry = 'services/audit/self-check-worker.ts';

/** A check reads a page of events at a time: its heap stays small whatever the log. */
const heapMb = 256;

/** Where the worker finds the log and the audit index, and the write keys it checks MACs with. */
export interface SelfCheckSetup {
  stores: StoreConfig;
  /** A file (`<DATA_DIR>/audit.sqlite`): another thread opens it. */
  auditDatabasePath: string;
  writers: readonly WriteKey[];
}

/** One check: the leaves from `from` to `to`, and how an event without a write MAC is judged (null: MACs not checked). */
export interface SelfCheck {
  from: number;
  to: number;
  writes: { signedSoFar: boolean; legacyUpTo: number | null } | null;
}

/** What the worker is started with. */
export interface SelfCheckWork {
  setup: SelfCheckSetup;
  check: SelfCheck;
}

/** What the worker answers: the first divergence (or null), or why it could not check. */
export type SelfCheckAnswer = { found: AuditDivergence | null } | { error: string };

/**
 * `findAlteredEvent` with the write check, run in a worker thread of its own
 * (started for the check, ended after it, its heap bounded, its priority the
 * lowest): reading and hashing the whole log takes minutes on a large one, and
 * the service's event loop goes on answering meanwhile. Rejects when the
 * worker cannot check (a store it cannot open, the worker ended), and when
 * `signal` is aborted, ending the worker.
 */
export const checkInWorker = async (
  setup: SelfCheckSetup,
  check: SelfCheck,
  options: { signal?: AbortSignal; warn?: (message: string) => void } = {},
): Promise<AuditDivergence | null> => {
  const warn = options.warn ?? ((message: string) => process.emitWarning(message));
  const bundle = await workerBundle(process.cwd(), workerEntry, warn);
  options.signal?.throwIfAborted();
  const worker = new Worker(bundle.file, {
    workerData: { setup, check } satisfies SelfCheckWork,
    // As `top -H` shows it.
    name: 'audit-check',
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  // Its work is asked for: it keeps nothing alive by itself.
  worker.unref();
  const { signal } = options;
  const stop = () => void worker.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await new Promise<AuditDivergence | null>((resolve, reject) => {
      worker.once('message', (answer: SelfCheckAnswer) =>
        'error' in answer
          ? reject(new Error(`the audit self-check failed: ${answer.error}`))
          : resolve(answer.found),
      );
      worker.once('error', (error) =>
        reject(new Error(`the audit self-check failed: ${error.message}`)),
      );
      // After an answer, its end changes nothing.
      worker.once('exit', (code) =>
        reject(
          signal?.aborted
            ? signal.reason
            : new Error(
                `the audit self-check's worker ended (exit code ${code}) without answering`,
              ),
        ),
      );
    });
  } finally {
    signal?.removeEventListener('abort', stop);
  }
};

/**
 * `inWorker`, else `here`: a check the worker could not make (a store its
 * thread cannot open, a client that does not load in a worker) is told to
 * `warn` and made in this thread instead, so the log is checked either way.
 * A check given up (`signal` aborted) is not made again.
 */
export const inWorkerOrHere = async <T>(
  inWorker: () => Promise<T>,
  here: () => Promise<T>,
  warn: (message: string) => void,
  signal?: AbortSignal,
): Promise<T> => {
  try {
    return await inWorker();
  } catch (error) {
    if (signal?.aborted) throw error;
    warn(
      `audit: the stored log could not be checked in a worker thread (${(error as Error).message}); it is checked in this thread`,
    );
    return here();
  }
};
