/**
 * The worker thread that reads and builds the boards (see
 * `boardsComputeInWorker`): its own connections to the stores, its own
 * documents in memory, so a long board never holds the service's event loop.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../contracts/errors.ts';
import { openStores } from '../../../infra/stores/stores.ts';
import { createBoardsCompute } from './boards-compute.ts';
import type { ComputeRequest, ComputeResponse, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('the boards worker runs in a worker thread');

// On Linux a thread has a priority of its own: this one gives way to every
// other thread of the process (requests, today's boards) when the cores are busy.
if (setup.background) {
  try {
    // Nice 19 on Linux: the lowest.
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {
    // Where a thread's priority cannot be set, it runs as the others do.
  }
}

const stores = openStores(setup.stores);
const compute = createBoardsCompute({
  eventStore: stores.eventStore,
  readModels: stores.readModels,
  cachedDays: setup.cachedDays,
  ...(setup.cachedDocuments === undefined ? {} : { cachedDocuments: setup.cachedDocuments }),
});

const failure = (error: unknown): ComputeResponse['error'] =>
  error instanceof DomainError
    ? { code: error.code, message: error.message, details: error.details }
    : { message: error instanceof Error ? error.message : String(error) };

const run = (request: Exclude<ComputeRequest, { op: 'close' }>): Promise<unknown> => {
  const call = compute[request.op] as (...args: unknown[]) => Promise<unknown>;
  return call(...(request.args as unknown[]));
};

port.on('message', async (request: ComputeRequest) => {
  if (request.op === 'close') {
    await Promise.allSettled([stores.eventStore.close(), stores.readModels.close()]);
    port.close();
    return;
  }
  try {
    port.postMessage({ id: request.id, result: await run(request) } satisfies ComputeResponse);
  } catch (error) {
    port.postMessage({ id: request.id, error: failure(error) } satisfies ComputeResponse);
  }
});
