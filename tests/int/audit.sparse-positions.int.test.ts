import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import { verifyInclusion } from '../../domain/merkle/tree.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { legacyEnd } from '../../services/audit/legacy-range.ts';
import type { InclusionProofAnswer } from '../../services/audit/proofs.ts';
import { openAuditDatabase } from '../../services/audit/schema.ts';
import { findAlteredEvent } from '../../services/audit/self-check.ts';
import { checkIndexedTail } from '../../services/audit/tail-check.ts';
import type { SignedTreeHead } from '../../services/audit/tree-head-signer.ts';
import { createTreeStore } from '../../services/audit/tree-store.ts';
import { coveredBy } from '../../web/src/audit/covered.ts';
import type { AuditEvent } from '../../web/src/audit/types.ts';
import { verifyEvent } from '../../web/src/audit/verify-event.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const office: Actor = { id: 'office-1', role: 'office' };

const bytes = (hex: string) => Buffer.from(hex, 'hex');

/** The system in production mode (writes authenticated, checked by the audit) over sparse positions. */
const sparseSystem = () =>
  startTestSystem(
    { NODE_ENV: 'production', AUDIT_SIGN_SECONDS: '3600', AUDIT_SIGN_EVERY: '1000' },
    { eventStore: sparseEventStore },
  );

const client = (sys: TestSystem) => {
  const call = <T>(action: string, params: object = {}) =>
    sys.system.broker.call<T, object>(`audit.${action}`, params, { meta: { actor: inspector } });
  return {
    call,
    async append(count: number) {
      for (let i = 0; i < count; i++) {
        await sys.system.broker.call(
          'directory.registerUnit',
          { id: `unit-${i}-${Math.random().toString(36).slice(2, 8)}`, name: `Bureau ${i}` },
          { meta: { actor: office } },
        );
      }
    },
    sign: () => call<SignedTreeHead>('signTreeHead'),
    status: () => call<{ signingStopped: unknown; indexedSize: number }>('status'),
    events: (): Promise<StoredEvent[]> =>
      sys.system.stores.eventStore.readAll({ after: 0, limit: 100_000 }),
  };
};

describe('the audit over a log whose positions have gaps', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await sparseSystem();
  });
  afterAll(() => sys.stop());

  it('signs a head whose size counts the events, not their positions', async () => {
    const audit = client(sys);
    await audit.append(6);
    const events = await audit.events();
    expect(events[0]!.position).toBeGreaterThan(1000);
    const signed = await audit.sign();
    expect(signed.treeSize).toBe(events.length);
    expect(signed.legacyUpTo).toBe(0);
    expect(await audit.status()).toMatchObject({ signingStopped: null });
  });

  it('proves each event included at its leaf, its place in the log', async () => {
    const audit = client(sys);
    await audit.append(3);
    const signed = await audit.sign();
    const events = (await audit.events()).slice(0, signed.treeSize);
    for (const [index, event] of events.entries()) {
      const answer = await audit.call<InclusionProofAnswer>('inclusionProof', {
        position: event.position,
        treeSize: signed.treeSize,
      });
      expect(answer.leafIndex).toBe(index);
      expect(answer.leafHash).toBe(eventLeafHash(event).toString('hex'));
      expect(
        verifyInclusion(
          bytes(answer.leafHash),
          answer.leafIndex,
          signed.treeSize,
          answer.proof.map(bytes),
          bytes(signed.rootHash),
        ),
      ).toBe(true);
    }
  });

  it('finds each event in the history with its leaf hash', async () => {
    const audit = client(sys);
    const page = await audit.call<{ edges: { node: { position: number; leafHash: string } }[] }>(
      'searchHistory',
      { first: 100 },
    );
    const events = await audit.events();
    expect(page.edges.length).toBeGreaterThan(5);
    for (const { node } of page.edges) {
      const event = events.find((stored) => stored.position === node.position)!;
      expect(node.leafHash).toBe(eventLeafHash(event).toString('hex'));
    }
  });

  it("shows each event's leaf index, at which the browser's verifier proves it against a signed head", async () => {
    const audit = client(sys);
    await audit.append(2);
    const signed = await audit.sign();
    const page = await audit.call<{ edges: { node: AuditEvent }[] }>('searchHistory', {
      first: 100,
    });
    const key = { keyId: signed.keyId, algorithm: 'Ed25519', publicKey: signed.publicKey };
    const log = (await audit.events()).map((event) => event.position);
    const covered = page.edges.map((edge) => edge.node).filter((node) => coveredBy(node, signed));
    // Records of reads are in the log, not in this search: most events, not all.
    expect(covered.length).toBeGreaterThan(signed.treeSize / 2);
    for (const node of covered) {
      expect(node.leafIndex).toBe(log.indexOf(node.position));
      const proof = await audit.call<InclusionProofAnswer>('inclusionProof', {
        position: node.position,
        treeSize: signed.treeSize,
      });
      const verdict = await verifyEvent(node, proof, signed, key);
      expect(verdict.steps.filter((step) => !step.ok)).toEqual([]);
    }
  });
});

describe('the audit index of a log with gaps, after a restart', () => {
  it('is found as the log holds it: the tail, every leaf, and heads that go on', async () => {
    const first = await startTestSystem({}, { eventStore: sparseEventStore });
    const dataDir = first.dataDir;
    await client(first).append(5);
    const signed = await client(first).sign();
    await first.stop({ keepData: true });

    const second = await startTestSystem({}, { eventStore: sparseEventStore, dataDir });
    let next: SignedTreeHead;
    try {
      const audit = client(second);
      await audit.append(2);
      next = await audit.sign();
      expect(next.treeSize).toBe(signed.treeSize + 3);
      expect(await audit.status()).toMatchObject({ signingStopped: null });
    } finally {
      await second.stop({ keepData: true });
    }

    const eventStore = sparseEventStore(
      openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') }),
    );
    const tree = createTreeStore(openAuditDatabase(path.join(dataDir, 'audit.sqlite')));
    try {
      // The last head's own event was indexed as the service stopped.
      expect(tree.size).toBe(next!.treeSize + 1);
      expect(await checkIndexedTail(eventStore, tree)).toBeNull();
      expect(await findAlteredEvent(eventStore, tree, { pageSize: 4 })).toBeNull();
      expect(await legacyEnd(eventStore, tree.size)).toBe(next!.legacyUpTo);
    } finally {
      tree.close();
      await eventStore.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
