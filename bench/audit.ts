/**
 * `npm exec -- node bench/audit.ts` (or `npm run bench:audit`): the audit log at
 * 1,000,000 events, from one run on this machine.
 *   (a) leaves hashed and indexed per second while the audit index catches up;
 *   (b) inclusion and consistency proofs at 1,000,000 leaves: generation and
 *       verification, p50/p99 over random positions and sizes;
 *   (c) the cost of a signed head: root + Ed25519 signature, and recorded as an event;
 *   (d) history search latency p50/p99 per filtered page (first page with its
 *       total, and a page deep in the result), target < 200 ms;
 *   (e) a witness round at that size: the log signs the checkpoint and proves
 *       consistency from an older size; the witness opens the note, verifies the
 *       proof and cosigns (HTTP left out: the two sides' work only);
 *   (f) the server's self-check: the whole log read back and compared with the
 *       indexed leaves, in all and per 1,000 events;
 *   (g) a witness over HTTP against the server started on that log: each round
 *       after 1,000 new events and a head, and the self-check of those events.
 * AUDIT_BENCH_EVENTS sets the log size (default 1,000,000).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../contracts/actor.ts';
import { treeHeadStreamId } from '../contracts/streams.ts';
import { eventLeafHash } from '../domain/merkle/event-leaf.ts';
import {
  consistencyProof,
  inclusionProof,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from '../domain/merkle/tree.ts';
import { parseCheckpoint } from '../domain/transparency/checkpoint.ts';
import { cosignatureLine } from '../domain/transparency/cosignature.ts';
import { openNote, parseVerifierKey, verifierKey } from '../domain/transparency/signed-note.ts';
import { settableClock } from '../infra/clock/clock.ts';
import type { EventStore, NewEvent } from '../infra/event-store/port.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { signingKeyOf } from '../infra/keys/signing-key.ts';
import { signedCheckpoint } from '../services/audit/checkpoints.ts';
import { treeHeadDecider } from '../services/audit/domain/decider.ts';
import { readPositions } from '../services/audit/history-events.ts';
import type { HistoryFilter } from '../services/audit/history-query.ts';
import { historyWhere } from '../services/audit/history-query.ts';
import { createHistorySearch } from '../services/audit/history-search.ts';
import { createAuditIndexer } from '../services/audit/indexer.ts';
import { openAuditDatabase } from '../services/audit/schema.ts';
import { findAlteredEvent } from '../services/audit/self-check.ts';
import { auditActor } from '../services/audit/tree-head-signer.ts';
import { signTreeHead, verifyTreeHead } from '../services/audit/tree-heads.ts';
import { createTreeStore, type TreeStore } from '../services/audit/tree-store.ts';
import { createCommandHandler } from '../services/shared/command-handler.ts';
import { latencies, line, ms, rate } from './stats.ts';
import { benchWitnessOverHttp } from './witness-http.ts';

const total = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const streams = 3000;
const batch = 250;
const units = Array.from({ length: 15 }, (_, i) => `unit-${String(i + 1).padStart(2, '0')}`);
const actors: Actor[] = [
  ...['office-1', 'office-2', 'office-3'].map((id): Actor => ({ id, role: 'office' })),
  ...units.map((unitId): Actor => ({ id: `head-${unitId}`, role: 'department_head', unitId })),
  { id: 'system', role: 'system' },
];
const types = [
  'TaskRegistered',
  'TaskAssigned',
  'MilestonePlanned',
  'MilestoneProgressReported',
  'MilestoneCompleted',
  'BlockageReported',
  'BlockageResolved',
  'IndicatorValueReported',
  'SupervisionNoticeIssued',
  'LeadershipInstructionIssued',
];
const yearStart = Date.UTC(2021, 0, 1);
const yearMs = 365 * 24 * 3600_000;

/** A deterministic pseudo-random sequence, so two runs measure the same log. */
const random = (() => {
  let seed = 0x2021;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
})();
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const randomInt = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const figures = latencies;
const timed = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

const newEvent = (position: number): NewEvent => {
  const actor = pick(actors);
  const recordedAt = new Date(yearStart + Math.floor((position / total) * yearMs)).toISOString();
  const businessDate = random() < 0.1 ? recordedAt.slice(0, 10) : undefined;
  return {
    id: randomUUID(),
    type: pick(types),
    version: 1,
    data: {
      taskId: `t-${position % streams}`,
      percent: position % 101,
      note: '已完成选址，进入设计阶段',
    },
    metadata: {
      actor,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      idempotencyKey: randomUUID(),
      recordedAt,
      ...(businessDate ? { businessDate } : {}),
    },
    recordedAt,
  };
};

const generate = async (store: EventStore) => {
  const revisions = new Map<number, number>();
  const started = performance.now();
  for (let position = 1, round = 0; position <= total; round++) {
    const stream = round % streams;
    const events = Array.from({ length: Math.min(batch, total - position + 1) }, (_, i) =>
      newEvent(position + i),
    );
    const revision = revisions.get(stream) ?? -1;
    await store.appendToStream(`task-b${stream}`, events, {
      expectedRevision: revision === -1 ? 'no_stream' : revision,
    });
    revisions.set(stream, revision + events.length);
    position += events.length;
  }
  const elapsed = performance.now() - started;
  line(
    'log generated (250-event batches, 3000 streams)',
    `${total} events in ${(elapsed / 1000).toFixed(1)} s`,
  );
};

const benchCatchUp = async (store: EventStore, tree: TreeStore) => {
  const sample = await store.readAll({ after: 0, limit: 20_000 });
  const [, hashMs] = timed(() => {
    for (const event of sample) eventLeafHash(event);
  });
  line(
    '(a) leaf hashing alone (RFC 8785 JSON + SHA-256)',
    `${rate(sample.length, hashMs)} leaves/s`,
  );
  const indexer = createAuditIndexer({ eventStore: store, tree, batchSize: 2000 });
  const started = performance.now();
  await indexer.catchUp();
  const elapsed = performance.now() - started;
  line(
    '(a) index catch-up (read, hash, write tree + history)',
    `${rate(tree.size, elapsed)} leaves/s (${(elapsed / 1000).toFixed(1)} s for ${tree.size})`,
  );
};

const benchProofs = (tree: TreeStore) => {
  const size = tree.size;
  const root = rootHash(tree, size);
  const generate: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const index = randomInt(0, size - 1);
    const [proof, made] = timed(() => inclusionProof(tree, index, size));
    const leaf = tree.subtree(0, index);
    const [ok, verified] = timed(() => verifyInclusion(leaf, index, size, proof, root));
    if (!ok) throw new Error(`inclusion proof of leaf ${index} did not verify`);
    generate.push(made);
    check.push(verified);
  }
  line(`(b) inclusion proof at ${size} leaves, generate`, figures(generate));
  line(`(b) inclusion proof at ${size} leaves, verify`, figures(check));
  const consistencyMade: number[] = [];
  const consistencyChecked: number[] = [];
  for (let i = 0; i < 500; i++) {
    const from = randomInt(1, size - 1);
    const [proof, made] = timed(() => consistencyProof(tree, from, size));
    const fromRoot = rootHash(tree, from);
    const [ok, verified] = timed(() => verifyConsistency(from, size, proof, fromRoot, root));
    if (!ok) throw new Error(`consistency proof ${from} → ${size} did not verify`);
    consistencyMade.push(made);
    consistencyChecked.push(verified);
  }
  line(`(b) consistency proof k → ${size}, generate`, figures(consistencyMade));
  line(`(b) consistency proof k → ${size}, verify`, figures(consistencyChecked));
};

const benchSigning = async (store: EventStore, tree: TreeStore) => {
  const key = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
  const clock = settableClock('2022-01-01T00:00:00.000Z');
  const signing: number[] = [];
  const verifying: number[] = [];
  for (let i = 0; i < 200; i++) {
    const size = tree.size - 200 + i;
    const [head, made] = timed(() =>
      signTreeHead(key, {
        treeSize: size,
        rootHash: rootHash(tree, size).toString('hex'),
        signedAt: clock.now(),
      }),
    );
    const [ok, verified] = timed(() => verifyTreeHead(head, key.publicKeyRaw));
    if (!ok) throw new Error('a head did not verify');
    signing.push(made);
    verifying.push(verified);
  }
  line('(c) signed head: root + Ed25519 sign', figures(signing));
  line('(c) signed head: Ed25519 verify', figures(verifying));
  const handle = createCommandHandler({ store, clock });
  const recorded: number[] = [];
  for (let i = 1; i <= 100; i++) {
    const size = tree.size - 100 + i;
    const started = performance.now();
    const head = signTreeHead(key, {
      treeSize: size,
      rootHash: rootHash(tree, size).toString('hex'),
      signedAt: clock.now(),
    });
    await handle(treeHeadDecider, {
      streamId: treeHeadStreamId,
      command: { type: 'RecordTreeHead', data: head },
      actor: auditActor,
      correlationId: 'bench',
      causationId: 'bench',
    });
    recorded.push(performance.now() - started);
  }
  line('(c) signed head + recorded by the command handler', figures(recorded));
  return key;
};

/** (e): what a witness round costs the log and the witness, p50/p99 over 50 rounds. */
const benchWitness = (tree: TreeStore) => {
  const key = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
  const origin = 'bench.example/audit';
  const logKey = verifierKey(origin, key.publicKeyRaw);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const witness = {
    name: 'witness.example/bench',
    privateKey,
    publicKeyRaw: Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url'),
  };
  const logSide: number[] = [];
  const witnessSide: number[] = [];
  for (let round = 0; round < 50; round++) {
    const size = tree.size - round;
    const from = Math.max(1, size - 1000 * (1 + Math.floor(Math.random() * 100)));
    const [served, made] = timed(() => {
      const note = signedCheckpoint(origin, key, {
        treeSize: size,
        rootHash: rootHash(tree, size).toString('hex'),
      });
      const proof = consistencyProof(tree, from, size);
      return { note, proof, old: rootHash(tree, from) };
    });
    const [, checked] = timed(() => {
      const text = openNote(served.note, [parseVerifierKey(logKey)]).text;
      const checkpoint = parseCheckpoint(text);
      if (!verifyConsistency(from, size, served.proof, served.old, checkpoint.rootHash)) {
        throw new Error('a consistency proof did not verify');
      }
      return cosignatureLine(text, witness, 1_700_000_000);
    });
    logSide.push(made);
    witnessSide.push(checked);
  }
  line(`(e) witness round at ${tree.size}: checkpoint + proof, log side`, figures(logSide));
  line(
    `(e) witness round at ${tree.size}: open, verify, cosign, witness side`,
    figures(witnessSide),
  );
};

/** (f): the self-check over the whole log, and per 1,000 events. */
const benchSelfCheck = async (store: EventStore, tree: TreeStore) => {
  const started = performance.now();
  const found = await findAlteredEvent(store, tree);
  const elapsed = performance.now() - started;
  if (found) throw new Error(`the self-check found ${JSON.stringify(found)} in an untouched log`);
  line(
    `(f) self-check of ${tree.size} events`,
    `${(elapsed / 1000).toFixed(1)} s, ${ms((elapsed / tree.size) * 1000)} per 1,000 events`,
  );
};

type Query = { label: string; filter: () => HistoryFilter };

const day = (offsetDays: number) => new Date(yearStart + offsetDays * 86_400_000).toISOString();

const queries: Query[] = [
  { label: 'by actor', filter: () => ({ actorId: pick(actors).id }) },
  { label: 'by unit', filter: () => ({ unitId: pick(units) }) },
  { label: 'by unit + type', filter: () => ({ unitId: pick(units), types: [pick(types)] }) },
  {
    label: 'by time range (7 days)',
    filter: () => {
      const from = randomInt(0, 350);
      return { recordedFrom: day(from), recordedTo: day(from + 7) };
    },
  },
  {
    label: 'by time range (90 days)',
    filter: () => {
      const from = randomInt(0, 270);
      return { recordedFrom: day(from), recordedTo: day(from + 90) };
    },
  },
  { label: 'by stream', filter: () => ({ streamId: `task-b${randomInt(0, streams - 1)}` }) },
  { label: 'by type', filter: () => ({ types: [pick(types)] }) },
  {
    label: 'by actor + business month',
    filter: () => {
      const month = String(randomInt(1, 12)).padStart(2, '0');
      return {
        actorId: pick(actors).id,
        businessFrom: `2021-${month}-01`,
        businessTo: `2021-${month}-28`,
      };
    },
  },
];

const benchSearch = async (store: EventStore, tree: TreeStore, path: string) => {
  const db = openAuditDatabase(path);
  const first = 50;
  for (const query of queries) {
    const firstPages: number[] = [];
    const deepPages: number[] = [];
    let matches = 0;
    for (let i = 0; i < 40; i++) {
      const filter = query.filter();
      // A new search each time: no total is cached from an earlier query.
      const search = createHistorySearch(db);
      const started = performance.now();
      const page = search.search(filter, { first, after: null, indexedUpTo: tree.position });
      await readPositions(store, page.positions, (position) => tree.leafOf(position));
      firstPages.push(performance.now() - started);
      matches += page.totalCount;
      const middle = Math.floor(page.totalCount / 2);
      const cursorPosition = page.positions.at(-1);
      if (cursorPosition === undefined || middle < first) continue;
      // A page from the middle of the result: a cursor at the median match.
      const [{ position }] = db
        .prepare(
          `SELECT position FROM history WHERE ${whereOf(filter)} ORDER BY position LIMIT 1 OFFSET ?`,
        )
        .all(...paramsOf(filter), middle) as [{ position: number }];
      const deepStarted = performance.now();
      const deep = search.search(filter, {
        first,
        after: { asOf: page.asOf, position },
        indexedUpTo: tree.position,
      });
      await readPositions(store, deep.positions, (position) => tree.leafOf(position));
      deepPages.push(performance.now() - deepStarted);
    }
    line(`(d) ${query.label} (~${Math.round(matches / 40)} hits), first page`, figures(firstPages));
    if (deepPages.length > 0) line(`(d) ${query.label}, a page mid-result`, figures(deepPages));
  }
  db.close();
};

const whereOf = (filter: HistoryFilter) => historyWhere(filter).sql;
const paramsOf = (filter: HistoryFilter) => historyWhere(filter).params;

const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-audit-bench-'));
try {
  const store = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  const auditPath = path.join(dir, 'audit.sqlite');
  const tree = createTreeStore(openAuditDatabase(auditPath));
  await generate(store);
  await benchCatchUp(store, tree);
  const megabytes = (file: string) => (statSync(file).size / 2 ** 20).toFixed(0);
  line(
    '(a) audit.sqlite / events.sqlite on disk',
    `${megabytes(auditPath)} MB / ${megabytes(path.join(dir, 'events.sqlite'))} MB`,
  );
  benchProofs(tree);
  const key = await benchSigning(store, tree);
  await benchSearch(store, tree, auditPath);
  benchWitness(tree);
  await benchSelfCheck(store, tree);
  tree.close();
  await store.close();
  await benchWitnessOverHttp(dir, key);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
