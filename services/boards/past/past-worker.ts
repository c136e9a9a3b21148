import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, unavailable } from '../../../contracts/errors.ts';
import type { PastDays } from './past-days.ts';
import type { PastRequest, PastResponse, WorkerSetup } from './protocol.ts';

/** Where the worker's module is: under the working directory, as the console's files are. */
const workerFile = path.resolve('services', 'boards', 'past', 'worker.ts');

/** The worker's stores and cache, and the memory its heap may take. */
export interface PastWorkerOptions extends WorkerSetup {
  /** Megabytes of old generation the worker's heap may reach (BOARDS_WORKER_MEMORY_MB). */
  memoryMb: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** An error of the worker as the service answers it: a DomainError keeps its code. */
const errorOf = (error: NonNullable<PastResponse['error']>): Error =>
  error.code === undefined
    ? new Error(error.message)
    : new DomainError(error.code, error.message, error.details ?? {});

/**
 * Past days read and built in a worker thread, started on first use: the
 * event loop of the service goes on answering (today's boards, heartbeats,
 * probes) while a past day is read, and the worker's heap is bounded. A
 * worker that dies (out of memory, a crash) fails the calls it had with
 * UNAVAILABLE, naming the setting; the next call starts a new one.
 */
export const pastDaysInWorker = (options: PastWorkerOptions): PastDays => {
  const setup: WorkerSetup = { stores: options.stores, cachedDays: options.cachedDays };
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let numbered = 0;

  const failAll = (error: unknown) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const started = (): Worker => {
    if (worker !== null) return worker;
    const created = new Worker(workerFile, {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    created.on('message', (response: PastResponse) => {
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (response.error) waiting?.reject(errorOf(response.error));
      else waiting?.resolve(response.result);
    });
    let failed: unknown = null;
    created.on('error', (error: Error & { code?: string }) => {
      failed =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? unavailable(
              `the boards of past days ran out of memory (BOARDS_WORKER_MEMORY_MB=${options.memoryMb})`,
            )
          : unavailable(`the boards of past days failed: ${error.message}`);
    });
    exited = new Promise((resolve) => {
      created.once('exit', () => {
        if (worker === created) worker = null;
        failAll(failed ?? unavailable('the boards of past days stopped'));
        resolve();
      });
    });
    // Its work is asked for: it keeps nothing alive by itself.
    created.unref();
    worker = created;
    return created;
  };

  const call = <T>(request: Exclude<PastRequest, { op: 'close' }>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(request.id, { resolve: resolve as (value: unknown) => void, reject });
      started().postMessage(request);
    });

  return {
    board: (name, query, day) => call({ id: ++numbered, op: 'board', args: [name, query, day] }),
    overview: (query, day, earlier) =>
      call({ id: ++numbered, op: 'overview', args: [query, day, earlier] }),
    lights: (days) => call({ id: ++numbered, op: 'lights', args: [days] }),
    async close() {
      const running = worker;
      if (running === null) return;
      running.postMessage({ op: 'close' } satisfies PastRequest);
      const stopped = setTimeout(() => void running.terminate(), 5000);
      await exited;
      clearTimeout(stopped);
    },
  };
};
