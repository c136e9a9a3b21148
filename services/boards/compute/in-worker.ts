import { Worker } from 'node:worker_threads';
import { DomainError, unavailable } from '../../../contracts/errors.ts';
import { workerBundle } from '../../../infra/worker-bundle/worker-bundle.ts';
import type { BoardsCompute } from './boards-compute.ts';
import type { ComputeRequest, ComputeResponse, WorkerSetup } from './protocol.ts';

/** The worker's module, from the working directory (the repository), as the console's files are. */
const workerEntry = 'services/boards/compute/worker.ts';

/** The worker's stores and cache, and the memory its heap may take. */
export interface ComputeWorkerOptions extends WorkerSetup {
  /** Megabytes the worker's heap may reach (BOARDS_WORKER_MEMORY_MB). */
  memoryMb: number;
  /** Told when the worker cannot run from its JavaScript bundle. */
  warn?: (message: string) => void;
  /** The thread's name, as `top -H` shows it (15 characters at most). */
  name?: string;
  /** Ends the worker after this long without a call under way (absent: it stays until closed). */
  idleMs?: number;
}

/**
 * What the calls of a worker that died answer: UNAVAILABLE, naming the memory
 * setting when its heap reached it. (Node ends a worker at its heap limit on a
 * best-effort basis: some allocations abort the whole process instead, which
 * is why the limit is a safeguard and not a way to size the worker.)
 */
export const workerFailure = (error: Error & { code?: string }, memoryMb: number) =>
  error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? unavailable(`the boards ran out of memory (BOARDS_WORKER_MEMORY_MB=${memoryMb})`)
    : unavailable(`the boards failed: ${error.message}`);

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** An error of the worker as the service answers it: a DomainError keeps its code. */
const errorOf = (error: NonNullable<ComputeResponse['error']>): Error =>
  error.code === undefined
    ? new Error(error.message)
    : new DomainError(error.code, error.message, error.details ?? {});

/**
 * Boards read and built in a worker thread, started on first use: the event
 * loop of the service goes on answering (commands, task pages, heartbeats,
 * probes) while a board is built, and the worker's heap, which holds the
 * board documents, is bounded. A worker that dies (out of memory, a crash)
 * fails the calls it had with UNAVAILABLE, naming the setting; the next call
 * starts a new one. Given `idleMs`, a worker no call has used for that long
 * ends, and what it kept goes with it; the next call starts a new one.
 */
export const boardsComputeInWorker = (options: ComputeWorkerOptions): BoardsCompute => {
  const setup: WorkerSetup = {
    stores: options.stores,
    cachedDays: options.cachedDays,
    ...(options.cachedDocuments === undefined ? {} : { cachedDocuments: options.cachedDocuments }),
    ...(options.background ? { background: true } : {}),
  };
  /** A worker, the calls sent to it not answered yet, and its end. */
  type Running = { worker: Worker; pending: Map<number, Pending>; exited: Promise<void> };
  let current: Running | null = null;
  // Workers told to end that have not yet: closing waits for them too.
  const ending = new Set<Promise<void>>();
  let numbered = 0;
  let inFlight = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const warn = options.warn ?? ((message: string) => process.emitWarning(message));
  let starting: Promise<Running> | null = null;

  const started = (): Promise<Running> => {
    if (current !== null) return Promise.resolve(current);
    starting ??= workerBundle(process.cwd(), workerEntry, warn)
      .then((bundle) => startedFrom(bundle.file))
      .finally(() => {
        starting = null;
      });
    return starting;
  };

  const startedFrom = (file: string): Running => {
    const created = new Worker(file, {
      workerData: setup,
      ...(options.name ? { name: options.name } : {}),
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    const pending = new Map<number, Pending>();
    created.on('message', (response: ComputeResponse) => {
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (response.error) waiting?.reject(errorOf(response.error));
      else waiting?.resolve(response.result);
    });
    let failed: unknown = null;
    created.on('error', (error: Error & { code?: string }) => {
      failed = workerFailure(error, options.memoryMb);
    });
    const running: Running = {
      worker: created,
      pending,
      exited: new Promise((resolve) => {
        created.once('exit', () => {
          if (current === running) current = null;
          for (const { reject } of pending.values())
            reject(failed ?? unavailable('the boards stopped'));
          pending.clear();
          resolve();
        });
      }),
    };
    // Its work is asked for: it keeps nothing alive by itself.
    created.unref();
    current = running;
    return running;
  };

  /** Tells `running` to end (its stores closed), ended by force after 5 s; settles once it has. */
  const end = async (running: Running): Promise<void> => {
    if (current === running) current = null;
    running.worker.postMessage({ op: 'close' } satisfies ComputeRequest);
    const stopped = setTimeout(() => void running.worker.terminate(), 5000);
    await running.exited;
    clearTimeout(stopped);
  };

  /** Ends the worker if no call came since the timer was set. */
  const endIdle = () => {
    const running = current;
    if (running === null || inFlight > 0 || starting !== null) return;
    const ended = end(running);
    ending.add(ended);
    void ended.finally(() => ending.delete(ended));
  };

  const call = <T>(request: Exclude<ComputeRequest, { op: 'close' }>): Promise<T> => {
    clearTimeout(idleTimer);
    inFlight += 1;
    const answer = started().then(
      (running) =>
        new Promise<T>((resolve, reject) => {
          running.pending.set(request.id, {
            resolve: resolve as (value: unknown) => void,
            reject,
          });
          running.worker.postMessage(request);
        }),
    );
    const settled = () => {
      inFlight -= 1;
      if (inFlight > 0 || options.idleMs === undefined) return;
      idleTimer = setTimeout(endIdle, options.idleMs);
      idleTimer.unref();
    };
    answer.then(settled, settled);
    return answer;
  };

  return {
    board: (name, query, on) => call({ id: ++numbered, op: 'board', args: [name, query, on] }),
    overview: (query, on, earlier) =>
      call({ id: ++numbered, op: 'overview', args: [query, on, earlier] }),
    lights: (days) => call({ id: ++numbered, op: 'lights', args: [days] }),
    closeDays: (days) => call({ id: ++numbered, op: 'closeDays', args: [days] }),
    warm: (day) => call({ id: ++numbered, op: 'warm', args: [day] }),
    async close() {
      clearTimeout(idleTimer);
      await starting?.catch(() => undefined);
      const running = current;
      await Promise.all([...ending, ...(running === null ? [] : [end(running)])]);
    },
  };
};
