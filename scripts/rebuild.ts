/**
 * Rebuilds every read model from the event log, the only source of truth:
 *   npm run --silent rebuild -- [--data DIR] [--verify]
 * Without --verify: empties the read models of DIR (default DATA_DIR, else
 * ./data) and replays the whole log through every projection, printing
 * events/s; then keeps the overviews of the past days a node keeps ahead (the
 * last BOARDS_KEPT_DAYS up to yesterday by CLOCK, see `keepPastDays`; in a
 * worker thread whose heap BOARDS_WORKER_MEMORY_MB bounds: past it, they are
 * left to the nodes, said on stderr), so a node started on them does not
 * compute them while it serves, and the overview chart's points of the month
 * ends the log has gone past before those (see `keepMonthEndLights`). Stop the
 * system first: its projector would see the store emptied and replay the log
 * itself, and the rebuild then gives way to it (exit 1).
 * With --verify: changes nothing in DIR; rebuilds into a fresh temporary store
 * up to the position the stored read models reflect and compares them document
 * by document, then the overview's kept past days (chart points and digests)
 * against the log. Exit 0 when identical; 1 naming the first difference; 2 on
 * bad input. The rebuild holds at most REBUILD_KEPT_DOCUMENTS documents in memory
 * (default 300,000; a log of a million events has about 140,000), then commits
 * and builds the rest in parts, a pass over the rest of the log each (see
 * `rebuildReadModels`); --verify holds both sides' documents to compare them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dayOf } from '../contracts/dates.ts';
import { clockOf } from '../infra/clock/clock.ts';
import { loadConfig } from '../infra/config/config.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { chunkedReadModelStore } from '../infra/read-model-store/chunked/chunked-read-model-store.ts';
import type { EmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../infra/read-model-store/port.ts';
import { CheckpointMovedError } from '../infra/read-model-store/port.ts';
import { chunkedCollections } from '../infra/stores/stores.ts';
import { allProjections } from '../projections/index.ts';
import { keepMonthEndLights } from '../services/boards/as-of/month-end-lights.ts';
import { boardsComputeInWorker } from '../services/boards/compute/in-worker.ts';
import { keepPastDaysOrLeave } from '../services/boards/compute/keep-past-days.ts';
import { rebuildReadModels } from '../services/projector/rebuild.ts';
import {
  lateDaysCollection,
  logDaysCollection,
  temporalCollections,
} from '../services/projector/versions.ts';
import { firstDifference } from './rebuild/first-difference.ts';
import { keptDigestsDifference, keptLightsDifference } from './rebuild/kept-days.ts';

const say = (text: string) => process.stdout.write(`${text}\n`);
const fail = (message: string): never => {
  process.stderr.write(`rebuild: ${message}\n`);
  process.exit(2);
};

type Documents = Map<string, Map<string, unknown>>;

/**
 * The collections the projections write, each once, the log's calendar the
 * projector keeps, and the chunks of long lists (so a chunk left behind shows).
 */
const collections = [
  ...new Set(allProjections.map((projection) => projection.collection)),
  logDaysCollection,
  lateDaysCollection,
  ...Object.values(chunkedCollections),
];

/** The store as the system opens it: long lists of the task pages in chunks. */
const chunked = (store: ReadModelStore) => chunkedReadModelStore(store, chunkedCollections);

/** The collections that keep versions by day. */
const temporal = [...temporalCollections(allProjections).keys()];

/** Every document of every projected collection, by collection and id. */
const snapshot = async (store: ReadModelStore): Promise<Documents> => {
  const documents: Documents = new Map();
  for (const collection of collections) {
    const { items } = await store.find<{ id?: unknown }>(collection);
    const byId = new Map<string, unknown>();
    for (const item of items) byId.set(String(item.id), item);
    documents.set(collection, byId);
  }
  return documents;
};

/** The first difference between the stored and the rebuilt documents, in id order. */
const compare = (stored: Documents, rebuilt: Documents): string | null => {
  for (const collection of collections) {
    const before = stored.get(collection) ?? new Map();
    const after = rebuilt.get(collection) ?? new Map();
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    for (const id of ids) {
      if (!after.has(id)) return `${collection}/${id} is stored but not rebuilt`;
      if (!before.has(id)) return `${collection}/${id} is rebuilt but not stored`;
      const difference = firstDifference(before.get(id), after.get(id));
      if (difference) return `${collection}/${id} differs at ${difference}`;
    }
  }
  return null;
};

/** Where a version sorts among the kept ones: by id, then day. */
const versionKey = (version: { id: string; day: string }) => `${version.id}\u0000${version.day}`;

/** The first kept version that differs between the two stores, with how many were compared. */
const versionsDifference = (
  stored: EmbeddedReadModelStore,
  rebuilt: EmbeddedReadModelStore,
): { versions: number; difference: string | null } => {
  let versions = 0;
  for (const collection of temporal) {
    const ours = stored.versionsOf(collection);
    const theirs = rebuilt.versionsOf(collection);
    let mine = ours.next();
    let other = theirs.next();
    while (!mine.done || !other.done) {
      const a = mine.done ? null : versionKey(mine.value);
      const b = other.done ? null : versionKey(other.value);
      const name = (version: { id: string; day: string }) =>
        `${collection}/${version.id}@${version.day}`;
      if (b === null || (a !== null && a < b)) {
        return {
          versions,
          difference: `the version ${name(mine.value!)} is stored but not rebuilt`,
        };
      }
      if (a === null || b < a) {
        return {
          versions,
          difference: `the version ${name(other.value!)} is rebuilt but not stored`,
        };
      }
      const difference = firstDifference(mine.value!.doc, other.value!.doc);
      if (difference) {
        return {
          versions,
          difference: `the version ${name(mine.value!)} differs at ${difference}`,
        };
      }
      versions += 1;
      mine = ours.next();
      other = theirs.next();
    }
  }
  return { versions, difference: null };
};

const count = (documents: Documents) =>
  [...documents.values()].reduce((total, docs) => total + docs.size, 0);

const { values } = (() => {
  try {
    return parseArgs({ options: { data: { type: 'string' }, verify: { type: 'boolean' } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const config = (() => {
  try {
    return loadConfig(values.data ? { ...process.env, DATA_DIR: values.data } : process.env);
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const eventsFile = path.join(config.dataDir, 'events.sqlite');
if (!existsSync(eventsFile)) fail(`no event log at ${eventsFile}`);

const eventStore = openSqliteEventStore({ path: eventsFile });
const readModels = openEmbeddedReadModelStore({
  path: path.join(config.dataDir, 'read-models.sqlite'),
});

/** Replays into `target` up to `until`, printing the rate. */
const replay = async (target: ReadModelStore, until?: number) => {
  const started = performance.now();
  const rebuilt = await rebuildReadModels({
    eventStore,
    readModels: chunked(target),
    projections: allProjections,
    keptDocuments: config.rebuildKeptDocuments,
    ...(until === undefined ? {} : { until }),
  });
  const seconds = (performance.now() - started) / 1000;
  say(
    `rebuilt ${rebuilt.events} events through ${allProjections.length} projections in ` +
      `${seconds.toFixed(1)} s: ${Math.round(rebuilt.events / Math.max(seconds, 1e-3))} events/s`,
  );
  return rebuilt;
};

const verify = async (): Promise<number> => {
  const checkpoint = await readModels.getCheckpoint('main');
  const last = await eventStore.lastPosition();
  if (checkpoint < last) {
    say(`the stored read models reflect the log up to ${checkpoint} of ${last}: compared there`);
  }
  const stored = await snapshot(chunked(readModels));
  const work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-rebuild-'));
  const fresh = openEmbeddedReadModelStore({ path: path.join(work, 'read-models.sqlite') });
  try {
    await replay(fresh, checkpoint);
    const difference = compare(stored, await snapshot(chunked(fresh)));
    if (difference) {
      say(`different: ${difference}`);
      return 1;
    }
    say(`identical: ${count(stored)} documents in ${collections.length} collections`);
    const kept = versionsDifference(readModels, fresh);
    if (kept.difference) {
      say(`different: ${kept.difference}`);
      return 1;
    }
    say(`identical: ${kept.versions} versions by day`);
    const lights = await keptLightsDifference(readModels, eventStore);
    if (lights.difference) {
      say(`different: ${lights.difference}`);
      return 1;
    }
    say(`the chart's kept days agree with the log: ${lights.days}`);
    const digests = await keptDigestsDifference(readModels, eventStore);
    if (digests.difference) {
      say(`different: ${digests.difference}`);
      return 1;
    }
    say(`the overview's kept days agree with the log: ${digests.days}`);
    return 0;
  } finally {
    await fresh.close();
    rmSync(work, { recursive: true, force: true });
  }
};

try {
  if (values.verify) process.exitCode = await verify();
  else {
    await replay(readModels);
    let started = performance.now();
    const since = () => ((performance.now() - started) / 1000).toFixed(1);
    const today = dayOf(clockOf(config.clock).now());
    const keptDays = config.boardsKeptDays;
    // In a worker, its heap bounded as the nodes' closer's is: a pass it cannot
    // hold leaves the days to the nodes, and the read models as rebuilt.
    const memoryMb = config.boardsWorkerMemoryMb;
    const compute = boardsComputeInWorker({
      stores: { dataDir: config.dataDir, sqliteSynchronous: config.sqliteSynchronous },
      cachedDays: 1,
      memoryMb,
    });
    const past = await keepPastDaysOrLeave(
      { eventStore, readModels, today, keptDays, compute },
      (message) => process.stderr.write(`rebuild: ${message}\n`),
    );
    if (past !== null) {
      say(`kept the overviews of ${past} past days (BOARDS_KEPT_DAYS=${keptDays}) in ${since()} s`);
    }
    started = performance.now();
    const days = await keepMonthEndLights(readModels, eventStore);
    say(`kept the overview chart's points of ${days.length} month ends in ${since()} s`);
  }
} catch (error) {
  // A running system's projector saw the store emptied and replays it itself.
  if (!(error instanceof CheckpointMovedError)) throw error;
  process.stderr.write(
    'rebuild: a running projector moved the checkpoint; it rebuilds them itself\n',
  );
  process.exitCode = 1;
} finally {
  await readModels.close();
  await eventStore.close();
}
