import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import type { TreeHead } from '../../contracts/events/index.ts';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import { canonicalJson } from '../../domain/merkle/canonical-json.ts';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import { verifyConsistency, verifyInclusion } from '../../domain/merkle/tree.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { ConsistencyProofAnswer, InclusionProofAnswer } from '../../services/audit/proofs.ts';
import type { SignedTreeHead } from '../../services/audit/tree-head-signer.ts';
import { verifyTreeHead } from '../../services/audit/tree-heads.ts';
import { refusal } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const inspector: Actor = { id: 'inspector-1', role: 'inspector' };
const office: Actor = { id: 'office-1', role: 'office' };
const leader: Actor = { id: 'leader-1', role: 'leader' };
const head: Actor = { id: 'head-edu', role: 'department_head', unitId: 'edu' };

const bytes = (hex: string) => Buffer.from(hex, 'hex');

const systemWith = (env: Record<string, string>, dataDir?: string) =>
  startTestSystem(
    { AUDIT_SIGN_SECONDS: '3600', AUDIT_SIGN_EVERY: '1000', ...env },
    dataDir ? { dataDir } : {},
  );

const client = (sys: TestSystem) => {
  const call = <T>(action: string, params: object = {}, actor: Actor = inspector) =>
    sys.system.broker.call<T, object>(`audit.${action}`, params, { meta: { actor } });
  let units = 0;
  return {
    call,
    /** Appends `count` events through the directory, as the office. */
    async append(count: number) {
      for (let i = 0; i < count; i++) {
        units += 1;
        await sys.system.broker.call(
          'directory.registerUnit',
          {
            id: `unit-${units}-${Math.random().toString(36).slice(2, 8)}`,
            name: `Bureau ${units}`,
          },
          { meta: { actor: office } },
        );
      }
    },
    catchUp: () => sys.system.broker.call<{ treeSize: number }>('audit.catchUp'),
    sign: (actor: Actor = inspector) => call<SignedTreeHead>('signTreeHead', {}, actor),
    latest: () => call<SignedTreeHead | null>('latestTreeHead'),
    events: async (): Promise<StoredEvent[]> =>
      sys.system.stores.eventStore.readAll({ after: 0, limit: 100_000 }),
  };
};

describe('the audit service over the real system', () => {
  let sys: TestSystem;
  let audit: ReturnType<typeof client>;

  beforeAll(async () => {
    sys = await systemWith({});
    audit = client(sys);
  });
  afterAll(() => sys.stop());

  it('signs on demand a head over every event stored, recorded in the audit stream', async () => {
    await audit.append(6);
    const signed = await audit.sign();
    expect(signed.treeSize).toBe(6);
    expect(verifyTreeHead(signed)).toBe(true);
    const recorded = await sys.system.stores.eventStore.readStream(treeHeadStreamId);
    const last = recorded.at(-1)!;
    expect(last).toMatchObject({ type: 'TreeHeadSigned', version: 1, position: signed.position });
    expect(last.metadata.actor).toEqual({ id: 'audit', role: 'system' });
    expect(last.data).toEqual({
      treeSize: signed.treeSize,
      rootHash: signed.rootHash,
      signedAt: signed.signedAt,
      keyId: signed.keyId,
      publicKey: signed.publicKey,
      legacyUpTo: 0,
      signature: signed.signature,
    });
    // The head's own event is a later leaf, covered only by a later head.
    expect(signed.position).toBeGreaterThan(signed.treeSize);
  });

  it('publishes the key that verifies every head with node:crypto alone', async () => {
    const key = await audit.call<{
      keyId: string;
      algorithm: string;
      publicKey: string;
      pem: string;
    }>('publicKey', {}, head);
    expect(key.algorithm).toBe('Ed25519');
    const latest = (await audit.latest())!;
    expect(latest.keyId).toBe(key.keyId);
    expect(latest.publicKey).toBe(key.publicKey);
    // Where writes are authenticated, every head says where the legacy events end: none here.
    expect(latest.legacyUpTo).toBe(0);
    const message = canonicalJson({
      keyId: latest.keyId,
      legacyUpTo: latest.legacyUpTo,
      rootHash: latest.rootHash,
      signedAt: latest.signedAt,
      treeSize: latest.treeSize,
    });
    const signature = Buffer.from(latest.signature, 'base64');
    expect(verify(null, Buffer.from(message), createPublicKey(key.pem), signature)).toBe(true);
  });

  it('proves every event of a head included, with the leaf hash of the stored event', async () => {
    await audit.append(5);
    const signed = await audit.sign();
    const events = await audit.events();
    for (const event of events.filter((stored) => stored.position <= signed.treeSize)) {
      const answer = await audit.call<InclusionProofAnswer>('inclusionProof', {
        position: event.position,
        treeSize: signed.treeSize,
      });
      expect(answer.leafHash).toBe(eventLeafHash(event).toString('hex'));
      expect(answer.rootHash).toBe(signed.rootHash);
      const proof = answer.proof.map(bytes);
      expect(
        verifyInclusion(
          bytes(answer.leafHash),
          answer.leafIndex,
          signed.treeSize,
          proof,
          bytes(signed.rootHash),
        ),
      ).toBe(true);
    }
  });

  it('proves each signed head consistent with every earlier one', async () => {
    await audit.append(3);
    await audit.sign();
    const heads = (await sys.system.stores.eventStore.readStream(treeHeadStreamId)).map(
      (event) => event.data as TreeHead,
    );
    expect(heads.length).toBeGreaterThanOrEqual(3);
    for (const [i, older] of heads.entries()) {
      for (const newer of heads.slice(i + 1)) {
        const answer = await audit.call<ConsistencyProofAnswer>('consistencyProof', {
          fromSize: older.treeSize,
          toSize: newer.treeSize,
        });
        expect(answer.fromRootHash).toBe(older.rootHash);
        expect(answer.toRootHash).toBe(newer.rootHash);
        const ok = verifyConsistency(
          older.treeSize,
          newer.treeSize,
          answer.proof.map(bytes),
          bytes(older.rootHash),
          bytes(newer.rootHash),
        );
        expect(ok).toBe(true);
      }
    }
  });

  it('finds a head by its exact size, and NOT_FOUND for a size never signed', async () => {
    const latest = (await audit.latest())!;
    expect(await audit.call('treeHead', { size: latest.treeSize })).toEqual(latest);
    const error = await refusal(audit.call('treeHead', { size: latest.treeSize + 1 }));
    expect(error.type).toBe('NOT_FOUND');
    expect(error.data).toMatchObject({ field: 'size' });
  });

  it('detects an edited or forged head', async () => {
    const latest = (await audit.latest())!;
    const key = await audit.call<{ publicKey: string }>('publicKey');
    const trusted = Buffer.from(key.publicKey, 'base64');
    expect(verifyTreeHead(latest, trusted)).toBe(true);
    expect(verifyTreeHead({ ...latest, treeSize: latest.treeSize + 1 }, trusted)).toBe(false);
    const otherRoot = latest.rootHash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(verifyTreeHead({ ...latest, rootHash: otherRoot }, trusted)).toBe(false);
    // A proof checked against the forged root fails too.
    const answer = await audit.call<InclusionProofAnswer>('inclusionProof', {
      position: 1,
      treeSize: latest.treeSize,
    });
    const proof = answer.proof.map(bytes);
    expect(
      verifyInclusion(bytes(answer.leafHash), 0, latest.treeSize, proof, bytes(otherRoot)),
    ).toBe(false);
  });

  it('refuses proofs for sizes the tree has not reached, naming the field', async () => {
    const { treeSize } = await audit.catchUp();
    const beyond = await refusal(
      audit.call('inclusionProof', { position: 1, treeSize: treeSize + 5 }),
    );
    expect(beyond.type).toBe('VALIDATION');
    expect(beyond.data).toMatchObject({ field: 'treeSize' });
    const past = await refusal(audit.call('inclusionProof', { position: 4, treeSize: 3 }));
    expect(past.data).toMatchObject({ field: 'position' });
    const backwards = await refusal(audit.call('consistencyProof', { fromSize: 4, toSize: 3 }));
    expect(backwards.data).toMatchObject({ field: 'fromSize' });
    const zero = await refusal(audit.call('inclusionProof', { position: 0, treeSize: 3 }));
    expect(zero.data).toMatchObject({ field: 'position' });
  });

  it('answers proofs and heads to inspectors and leaders only', async () => {
    for (const actor of [office, head]) {
      const error = await refusal(
        audit.call('inclusionProof', { position: 1, treeSize: 1 }, actor),
      );
      expect(error.type).toBe('FORBIDDEN');
      expect((await refusal(audit.call('latestTreeHead', {}, actor))).type).toBe('FORBIDDEN');
    }
    await expect(
      audit.call('inclusionProof', { position: 1, treeSize: 1 }, leader),
    ).resolves.toBeTruthy();
  });

  it('lets inspectors and the office sign on demand, and nobody else', async () => {
    await audit.append(1);
    await expect(audit.sign(office)).resolves.toMatchObject({ keyId: expect.any(String) });
    for (const actor of [leader, head])
      expect((await refusal(audit.sign(actor))).type).toBe('FORBIDDEN');
    const anonymous = await refusal(sys.system.broker.call('audit.signTreeHead', {}));
    expect(anonymous.type).toBe('FORBIDDEN');
  });

  it('signs heads that always grow, even asked for twice at once', async () => {
    await audit.append(2);
    const [a, b] = await Promise.all([audit.sign(), audit.sign()]);
    expect(b.treeSize).toBeGreaterThan(a.treeSize);
    const sizes = (await sys.system.stores.eventStore.readStream(treeHeadStreamId)).map(
      (event) => (event.data as TreeHead).treeSize,
    );
    expect(sizes).toEqual([...sizes].sort((x, y) => x - y));
    expect(new Set(sizes).size).toBe(sizes.length);
  });
});

describe('heads on a cadence', () => {
  it('are signed once every AUDIT_SIGN_EVERY events, not for the heads themselves', async () => {
    const sys = await systemWith({ AUDIT_SIGN_EVERY: '4' });
    const audit = client(sys);
    try {
      await audit.append(3);
      await audit.catchUp();
      expect(await audit.latest()).toBeNull();
      await audit.append(1);
      await audit.catchUp();
      const first = (await audit.latest())!;
      expect(first.treeSize).toBe(4);
      // Only the head's own event arrived since: no head is due for it.
      await audit.catchUp();
      await audit.catchUp();
      expect((await audit.latest())!.treeSize).toBe(4);
      await audit.append(4);
      await audit.catchUp();
      const second = (await audit.latest())!;
      expect(second.treeSize).toBe(9);
      expect(verifyTreeHead(second)).toBe(true);
    } finally {
      await sys.stop();
    }
  });

  it('are signed AUDIT_SIGN_SECONDS after the tree grew', async () => {
    const sys = await systemWith({ AUDIT_SIGN_SECONDS: '1' });
    const audit = client(sys);
    try {
      await audit.append(2);
      let latest: SignedTreeHead | null = null;
      // Waits for the timer; the assertion is on what it signed, not on how fast.
      for (let tries = 0; tries < 100 && !latest; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        latest = await audit.latest();
      }
      expect(latest?.treeSize).toBe(2);
      expect(verifyTreeHead(latest!)).toBe(true);
    } finally {
      await sys.stop();
    }
  });
});

describe('the audit index after a restart', () => {
  it('keeps its tree, heads and key, and a deleted index is rebuilt to the same roots', async () => {
    const first = await systemWith({});
    const dataDir = first.dataDir;
    const before = client(first);
    await before.append(7);
    const signed = await before.sign();
    const key = await before.call<{ keyId: string }>('publicKey');
    await first.stop({ keepData: true });

    const second = await systemWith({}, dataDir);
    const after = client(second);
    try {
      expect(await after.call('publicKey')).toEqual(key);
      expect(await after.latest()).toEqual(signed);
      const proof = await after.call<InclusionProofAnswer>('inclusionProof', {
        position: 3,
        treeSize: signed.treeSize,
      });
      expect(proof.rootHash).toBe(signed.rootHash);
      await after.append(2);
      await after.sign();
    } finally {
      await second.stop({ keepData: true });
    }

    rmSync(path.join(dataDir, 'audit.sqlite'));
    rmSync(path.join(dataDir, 'audit.sqlite-wal'), { force: true });
    rmSync(path.join(dataDir, 'audit.sqlite-shm'), { force: true });
    const third = await systemWith({}, dataDir);
    const rebuilt = client(third);
    try {
      const proof = await rebuilt.call<InclusionProofAnswer>('inclusionProof', {
        position: 3,
        treeSize: signed.treeSize,
      });
      expect(proof.rootHash).toBe(signed.rootHash);
      const latest = (await rebuilt.latest())!;
      const consistency = await rebuilt.call<ConsistencyProofAnswer>('consistencyProof', {
        fromSize: signed.treeSize,
        toSize: latest.treeSize,
      });
      expect(consistency.toRootHash).toBe(latest.rootHash);
    } finally {
      await third.stop();
    }
  });
});

describe('an empty log', () => {
  it('has nothing to sign: on demand is refused as ILLEGAL_STATE, and no head appears', async () => {
    const sys = await systemWith({ AUDIT_SIGN_EVERY: '1' });
    const audit = client(sys);
    try {
      const error = await refusal(audit.sign());
      expect(error.type).toBe('ILLEGAL_STATE');
      expect(error.data).toMatchObject({ field: 'treeSize' });
      await audit.catchUp();
      expect(await audit.latest()).toBeNull();
    } finally {
      await sys.stop();
    }
  });
});

describe('a signing key file that holds another kind of key', () => {
  it('stops start-up naming AUDIT_SIGNING_KEY_FILE', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-audit-key-'));
    const file = path.join(dataDir, 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }));
    try {
      await expect(systemWith({ AUDIT_SIGNING_KEY_FILE: file }, dataDir)).rejects.toThrow(
        /^AUDIT_SIGNING_KEY_FILE=.*not Ed25519/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
