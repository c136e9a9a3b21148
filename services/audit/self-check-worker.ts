/**
 * The worker thread that checks the stored log against the audit index (see
 * `checkInWorker`): its own connections to the event store and to the index,
 * one check, its answer, then it ends.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openEventStoreOf } from '../../infra/stores/stores.ts';
import { openAuditDatabase } from './schema.ts';
import { findAlteredEvent } from './self-check.ts';
import type { SelfCheckAnswer, SelfCheckWork } from './self-check-in-worker.ts';
import { createTreeStore } from './tree-store.ts';
import { createWriteCheck } from './write-check.ts';

const port = parentPort;
if (port === null) throw new Error('the audit self-check runs in a worker thread');
const { setup, check } = workerData as SelfCheckWork;

try {
  // Background work: every other thread of the process goes first when the cores are busy.
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // Where a thread's priority cannot be set, it runs as the others do.
}

const answer = async (): Promise<SelfCheckAnswer> => {
  const eventStore = openEventStoreOf(setup.stores);
  const db = openAuditDatabase(setup.auditDatabasePath);
  try {
    const tree = createTreeStore(db);
    // Cloned across threads as bytes: the keys' secrets are made Buffers again.
    const keys = new Map(
      setup.writers.map((key) => [
        key.keyId,
        { keyId: key.keyId, secret: Buffer.from(key.secret) },
      ]),
    );
    const writes =
      check.writes === null
        ? undefined
        : createWriteCheck(keys, check.writes.signedSoFar, check.writes.legacyUpTo, (position) =>
            tree.leafOf(position),
          );
    const found = await findAlteredEvent(eventStore, tree, {
      from: check.from,
      to: check.to,
      ...(writes ? { check: writes } : {}),
    });
    return { found };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    db.close();
    await eventStore.close();
  }
};

port.postMessage(await answer());
