/**
 * The worker thread that reads and builds past days' boards (see
 * `pastDaysInWorker`): its own connections to the stores, its own cache, so
 * a long read of the past never holds the service's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../contracts/errors.ts';
import { openStores } from '../../../infra/stores/stores.ts';
import { createPastDays } from './past-days.ts';
import type { PastRequest, PastResponse, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('the past-days worker runs in a worker thread');

const stores = openStores(setup.stores);
const past = createPastDays({
  eventStore: stores.eventStore,
  readModels: stores.readModels,
  cachedDays: setup.cachedDays,
});

const failure = (error: unknown): PastResponse['error'] =>
  error instanceof DomainError
    ? { code: error.code, message: error.message, details: error.details }
    : { message: error instanceof Error ? error.message : String(error) };

const run = (request: Exclude<PastRequest, { op: 'close' }>): Promise<unknown> => {
  const call = past[request.op] as (...args: unknown[]) => Promise<unknown>;
  return call(...(request.args as unknown[]));
};

port.on('message', async (request: PastRequest) => {
  if (request.op === 'close') {
    await Promise.allSettled([stores.eventStore.close(), stores.readModels.close()]);
    port.close();
    return;
  }
  try {
    port.postMessage({ id: request.id, result: await run(request) } satisfies PastResponse);
  } catch (error) {
    port.postMessage({ id: request.id, error: failure(error) } satisfies PastResponse);
  }
});
