import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../infra/auth/tokens.ts';
import { loadConfig } from '../infra/config/config.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import type { SigningKey } from '../infra/keys/signing-key.ts';
import { loadOrCreateWriteKey, writeKeysOf } from '../infra/keys/writer-key.ts';
import { openAuditDatabase } from '../services/audit/schema.ts';
import { findAlteredEvent } from '../services/audit/self-check.ts';
import { createTreeStore } from '../services/audit/tree-store.ts';
import { createWriteCheck } from '../services/audit/write-check.ts';
import { createSystem } from '../system/system.ts';
import { witnessOnce } from '../tools/witness/witness.ts';
import { latencies, line, ms } from './stats.ts';

const figures = (samples: number[]) => `${latencies(samples)} (${samples.length} rounds)`;

const rounds = 10;
const eventsPerRound = 1000;

/** Appends `count` units through the gateway, 16 requests at a time. */
const grow = async (url: string, token: string, count: number, prefix: string) => {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }',
          variables: { input: { id: `${prefix}-${i}`, name: `单位${prefix}-${i}` } },
        }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
};

/**
 * (g) A witness over HTTP against the server on the generated log (its data
 * folder `dir`, heads signed with `key`): the gateway and the audit serve the
 * checkpoint and the proofs; each round adds 1,000 events through the gateway,
 * has a head signed, and times one witness round (fetch the checkpoint and the
 * consistency proof, verify, cosign, post back). Then the self-check of those
 * 1,000 new events (leaves and write MACs), as the audit runs it every minute.
 */
export const benchWitnessOverHttp = async (dir: string, key: SigningKey) => {
  writeFileSync(
    path.join(dir, 'audit-signing-key.pem'),
    key.privateKey.export({ format: 'pem', type: 'pkcs8' }),
    {
      mode: 0o600,
    },
  );
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dir,
    SERVICES: 'gateway,directory,audit',
    PORT: '0',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '0',
    AUDIT_SIGN_EVERY: '10000000',
    AUDIT_SIGN_SECONDS: '86400',
  });
  const system = createSystem(config);
  const started = performance.now();
  await system.start();
  line(
    '(g) server started on the log (gateway, directory, audit)',
    ms(performance.now() - started),
  );
  const state = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-witness-'));
  try {
    const url = system.url ?? '';
    const office = await signToken(system.secret, { sub: 'office', role: 'office' });
    const inspector = await signToken(system.secret, { sub: 'inspector', role: 'inspector' });
    const signHead = async () => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${inspector}` },
        body: JSON.stringify({ query: 'mutation { signTreeHead { treeSize } }' }),
      });
      const body = (await response.json()) as { data?: { signTreeHead: { treeSize: number } } };
      if (!body.data) throw new Error(JSON.stringify(body));
      return body.data.signTreeHead.treeSize;
    };
    const firstSigned = performance.now();
    const size = await signHead();
    line(
      `(g) the first head the server signs at ${size} (it reads where legacy events end, once)`,
      ms(performance.now() - firstSigned),
    );
    const logKey = (await (await fetch(`${url}/audit/checkpoint/key`)).text()).trim();
    const pinnedAt = performance.now();
    const first = await witnessOnce({ logUrl: url, logKey, stateDir: state });
    if (first.status !== 'cosigned') throw new Error(`the witness refused: ${first.reason}`);
    line(`(g) witness, first round over HTTP at ${size}`, ms(performance.now() - pinnedAt));
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await grow(url, office, eventsPerRound, `w${round}`);
      await signHead();
      const roundStarted = performance.now();
      const verdict = await witnessOnce({ logUrl: url, stateDir: state });
      samples.push(performance.now() - roundStarted);
      if (verdict.status !== 'cosigned') throw new Error(`the witness refused: ${verdict.reason}`);
    }
    line(
      `(g) witness round over HTTP after each ${eventsPerRound} new events (checkpoint + proof + cosign + post)`,
      figures(samples),
    );
  } finally {
    await system.stop();
    rmSync(state, { recursive: true, force: true });
  }
  const store = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  const tree = createTreeStore(openAuditDatabase(path.join(dir, 'audit.sqlite')));
  const keys = writeKeysOf(loadOrCreateWriteKey(path.join(dir, 'event-write-key')));
  const checks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const from = tree.size - eventsPerRound * (i + 1) + 1;
    const checkStarted = performance.now();
    const found = await findAlteredEvent(store, tree, {
      from,
      check: createWriteCheck(keys, true, null),
    });
    checks.push(performance.now() - checkStarted);
    if (found) throw new Error(`the self-check found ${JSON.stringify(found)}`);
  }
  line(`(g) self-check of ${eventsPerRound} new events (leaves + write MACs)`, figures(checks));
  tree.close();
  await store.close();
};
