import { generateKeyPairSync } from 'node:crypto';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import { signingKeyOf } from '../../infra/keys/signing-key.ts';
import { signTreeHead } from '../../services/audit/tree-heads.ts';
import type { AuditEvent, AuditKey, InclusionProof, TreeHead } from '../src/audit/types.ts';
import { verifyEvent } from '../src/audit/verify-event.ts';

/*
 * The console checks the audit signature of a tree head in the browser. A
 * browser whose WebCrypto has no Ed25519 (older Safari, Firefox, Chrome) must
 * still check it, and must never show "invalid" when it cannot check.
 */

const stored = {
  position: 1,
  streamId: 'task-t1',
  revision: 1,
  id: '0b7c0f5e-6f0e-4bde-9a57-8d1f1f0e0a01',
  type: 'MilestoneProgressReported',
  version: 1,
  data: { taskId: 't1', milestoneId: 'm1', percent: 60, previousPercent: 40 },
  metadata: {
    actor: {
      id: 'head-edu',
      role: 'department_head' as const,
      unitId: 'edu',
      name: '教育局负责人',
    },
    correlationId: 'c-1',
    causationId: 'c-1',
    idempotencyKey: 'k-1',
    recordedAt: '2021-06-01T02:00:00.000Z',
  },
  recordedAt: '2021-06-01T02:00:00.000Z',
};

/** A log of one event, its head signed by the audit service's own signer. */
const oneEventLog = () => {
  const leafHash = eventLeafHash(stored).toString('hex');
  const event: AuditEvent = {
    position: stored.position,
    streamId: stored.streamId,
    revision: stored.revision,
    id: stored.id,
    type: stored.type,
    version: stored.version,
    recordedAt: stored.recordedAt,
    businessDate: '2021-06-01',
    actor: stored.metadata.actor,
    correlationId: stored.metadata.correlationId,
    causationId: stored.metadata.causationId,
    idempotencyKey: stored.metadata.idempotencyKey,
    data: stored.data,
    leafHash,
  };
  const key = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
  const head: TreeHead = {
    ...signTreeHead(key, { treeSize: 1, rootHash: leafHash, signedAt: '2021-06-01T03:00:00.000Z' }),
    position: 2,
  };
  const proof: InclusionProof = {
    leafIndex: 0,
    treeSize: 1,
    leafHash,
    proof: [],
    rootHash: leafHash,
  };
  const published: AuditKey = {
    keyId: head.keyId,
    algorithm: 'Ed25519',
    publicKey: head.publicKey,
  };
  return { event, head, proof, published };
};

const stepOk = (verdict: Awaited<ReturnType<typeof verifyEvent>>, step: string) =>
  verdict.steps.find((s) => s.step === step)?.ok;

afterEach(() => jest.restoreAllMocks());

describe('a browser with Ed25519 in WebCrypto', () => {
  it('verifies an event under a head the audit signed', async () => {
    const { event, head, proof, published } = oneEventLog();
    const verdict = await verifyEvent(event, proof, head, published);
    expect(verdict.ok).toBe(true);
  });

  it('finds a head whose signature does not cover it not verified', async () => {
    const { event, head, proof, published } = oneEventLog();
    const verdict = await verifyEvent(event, proof, { ...head, signature: 'AAAA' }, published);
    expect(stepOk(verdict, 'signature')).toBe(false);
  });
});

describe('a browser without Ed25519 in WebCrypto', () => {
  const noEd25519 = () => {
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    return jest.spyOn(crypto.subtle, 'importKey').mockImplementation((async (
      ...args: Parameters<typeof importKey>
    ) => {
      const [, , algorithm] = args;
      if ((algorithm as { name?: string }).name === 'Ed25519') {
        throw new DOMException('Unrecognized name.', 'NotSupportedError');
      }
      return importKey(...args);
    }) as typeof crypto.subtle.importKey);
  };

  it('still verifies the signature, with @noble/ed25519', async () => {
    const refused = noEd25519();
    const { event, head, proof, published } = oneEventLog();
    const verdict = await verifyEvent(event, proof, head, published);
    expect(refused).toHaveBeenCalled();
    expect(verdict.steps).toEqual([
      { step: 'leaf', ok: true },
      { step: 'path', ok: true },
      { step: 'root', ok: true },
      { step: 'key', ok: true },
      { step: 'signature', ok: true },
    ]);
    expect(verdict.ok).toBe(true);
  });

  it.each([
    [
      'signed over other bytes',
      (head: TreeHead) => ({ ...head, signedAt: '2021-06-02T03:00:00.000Z' }),
    ],
    [
      'with a signature cut short',
      (head: TreeHead) => ({ ...head, signature: head.signature.slice(0, 40) }),
    ],
  ])('still finds a head %s invalid', async (_, tamper) => {
    noEd25519();
    const { event, head, proof, published } = oneEventLog();
    const verdict = await verifyEvent(event, proof, tamper(head), published);
    expect(stepOk(verdict, 'signature')).toBe(false);
    expect(verdict.ok).toBe(false);
  });

  it('says it cannot check, never "invalid", when the fallback cannot run either', async () => {
    noEd25519();
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    jest.spyOn(crypto.subtle, 'digest').mockImplementation((async (
      ...args: Parameters<typeof digest>
    ) => {
      if (args[0] === 'SHA-512') throw new DOMException('Unrecognized name.', 'NotSupportedError');
      return digest(...args);
    }) as typeof crypto.subtle.digest);
    const { event, head, proof, published } = oneEventLog();
    await expect(verifyEvent(event, proof, head, published)).rejects.toThrow();
  });
});
