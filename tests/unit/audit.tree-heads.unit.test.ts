import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import type { TreeHead } from '../../contracts/events/index.ts';
import { canonicalJson } from '../../domain/merkle/canonical-json.ts';
import { keyIdOf, signingKeyOf } from '../../infra/keys/signing-key.ts';
import { signTreeHead, verifyTreeHead } from '../../services/audit/tree-heads.ts';

const key = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const other = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const unsigned = {
  treeSize: 42,
  rootHash: 'cd'.repeat(32),
  signedAt: '2021-03-01T08:00:00.000Z',
};

describe('a signed tree head', () => {
  const head = signTreeHead(key, unsigned);

  it('names the key by the first 16 hex characters of SHA-256 of the raw public key', () => {
    expect(head.keyId).toBe(keyIdOf(key.publicKeyRaw));
    expect(head.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(head.publicKey, 'base64')).toHaveLength(32);
  });

  it('verifies with node:crypto over the canonical JSON of keyId, rootHash, signedAt, treeSize', () => {
    const message = canonicalJson({
      treeSize: head.treeSize,
      signedAt: head.signedAt,
      rootHash: head.rootHash,
      keyId: head.keyId,
    });
    expect(message).toBe(
      `{"keyId":"${head.keyId}","rootHash":"${unsigned.rootHash}","signedAt":"${unsigned.signedAt}","treeSize":42}`,
    );
    const publicKey = createPublicKey(key.publicKeyPem);
    const signature = Buffer.from(head.signature, 'base64');
    expect(verify(null, Buffer.from(message), publicKey, signature)).toBe(true);
  });

  it('verifies as it is, and against the key that signed it', () => {
    expect(verifyTreeHead(head)).toBe(true);
    expect(verifyTreeHead(head, key.publicKeyRaw)).toBe(true);
  });
});

describe('an edited or forged tree head', () => {
  const head = signTreeHead(key, unsigned);
  const edits: [string, Partial<TreeHead>][] = [
    ['a larger tree size', { treeSize: 43 }],
    ['another root hash', { rootHash: 'ce'.repeat(32) }],
    ['another signing time', { signedAt: '2021-03-02T08:00:00.000Z' }],
    ['another key id', { keyId: '0000000000000000' }],
    ['another public key', { publicKey: other.publicKeyRaw.toString('base64') }],
    ['a mangled signature', { signature: Buffer.alloc(64).toString('base64') }],
    ['a signature that is not base64 of 64 bytes', { signature: 'abc' }],
  ];

  it.each(edits)('with %s fails verification', (_, change) => {
    expect(verifyTreeHead({ ...head, ...change })).toBe(false);
  });

  it('re-signed with another key is self-consistent but not ours', () => {
    const forged = signTreeHead(other, { ...unsigned, rootHash: 'ee'.repeat(32) });
    expect(verifyTreeHead(forged)).toBe(true);
    expect(verifyTreeHead(forged, key.publicKeyRaw)).toBe(false);
  });
});
