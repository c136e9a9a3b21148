import { generateKeyPairSync } from 'node:crypto';
import { leafHash, memorySubtreeSource, rootHash } from '../../domain/merkle/index.ts';
import { checkpointText } from '../../domain/transparency/checkpoint.ts';
import { cosignatureLine } from '../../domain/transparency/cosignature.ts';
import { cosignatureType, signNote, verifierKey } from '../../domain/transparency/signed-note.ts';
import { checkBundleWitnessed, checkWitnessed } from '../../tools/audit/witnessed.ts';

const keyPair = (name: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyRaw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return { name, privateKey, publicKeyRaw };
};

const log = keyPair('duban.example.gov.cn/audit');
const witnessA = keyPair('witness.example/a');
const witnessB = keyPair('witness.example/b');
const logKey = verifierKey(log.name, log.publicKeyRaw);
const keyOf = (witness: typeof witnessA) =>
  verifierKey(witness.name, witness.publicKeyRaw, cosignatureType);

const leaves = (count: number, changedAt = -1) =>
  Array.from({ length: count }, (_, i) =>
    leafHash(Buffer.from(`event ${i}${i === changedAt ? '!' : ''}`)),
  );

/** The log's checkpoint of its first `size` leaves, cosigned by `witnesses`. */
const cosigned = (size: number, witnesses: (typeof witnessA)[]) => {
  const tree = memorySubtreeSource(leaves(size));
  const text = checkpointText({
    origin: log.name,
    size,
    rootHash: rootHash(tree, size),
    extensions: [],
  });
  return (
    signNote(text, [log]) + witnesses.map((w) => cosignatureLine(text, w, 1_700_000_000)).join('')
  );
};

describe('the log against a witnessed checkpoint', () => {
  const keys = { logKey, witnessKeys: [keyOf(witnessA), keyOf(witnessB)], quorum: 2 };

  it('passes when the log of that size has the root the witnesses saw, and grew since', () => {
    const verdict = checkWitnessed(
      memorySubtreeSource(leaves(12)),
      cosigned(10, [witnessA, witnessB]),
      keys,
    );
    expect(verdict).toEqual({
      ok: true,
      lines: [
        'The log matches the witnessed checkpoint of size 10, cosigned by witness.example/a, witness.example/b.',
      ],
    });
  });

  it('fails when fewer witnesses than the quorum cosigned it', () => {
    const verdict = checkWitnessed(memorySubtreeSource(leaves(10)), cosigned(10, [witnessA]), keys);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toContain(
      'cosigned by 1 of the witnesses given, fewer than the quorum 2',
    );
  });

  it('fails naming the tail the log lost', () => {
    const verdict = checkWitnessed(
      memorySubtreeSource(leaves(7)),
      cosigned(10, [witnessA, witnessB]),
      keys,
    );
    expect(verdict.lines[0]).toContain(
      'is larger than the log of 7: the log lost its tail after position 7',
    );
  });

  it('fails when an event before the witnessed size changed', () => {
    const verdict = checkWitnessed(
      memorySubtreeSource(leaves(12, 3)),
      cosigned(10, [witnessA, witnessB]),
      keys,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toContain('an event at or before position 10 was changed');
  });

  it('refuses a checkpoint the log key did not sign', () => {
    const other = keyPair(log.name);
    const text = checkpointText({
      origin: log.name,
      size: 1,
      rootHash: Buffer.alloc(32),
      extensions: [],
    });
    expect(() =>
      checkWitnessed(memorySubtreeSource(leaves(1)), signNote(text, [other]), keys),
    ).toThrow('no signature of a known key');
  });
});

describe('a bundle’s heads against a witnessed checkpoint', () => {
  const keys = { logKey, witnessKeys: [keyOf(witnessA)], quorum: 1 };
  const headOf = (size: number, changedAt = -1) => {
    const tree = memorySubtreeSource(leaves(size, changedAt));
    return { treeSize: size, rootHash: rootHash(tree, size).toString('hex') };
  };

  it('passes when the bundle holds the head of that size with that root', () => {
    const verdict = checkBundleWitnessed(
      [headOf(4), headOf(10), headOf(12)],
      cosigned(10, [witnessA]),
      keys,
    );
    expect(verdict).toEqual({
      ok: true,
      lines: [
        "The bundle's head of size 10 is the witnessed checkpoint of size 10, cosigned by witness.example/a.",
      ],
    });
  });

  it('fails when the bundle’s head of that size has another root', () => {
    const verdict = checkBundleWitnessed([headOf(10, 2)], cosigned(10, [witnessA]), keys);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toContain('has another root than the witnessed checkpoint of size 10');
  });

  it('fails when the bundle ends before the witnessed head, or skips it', () => {
    expect(checkBundleWitnessed([headOf(4)], cosigned(10, [witnessA]), keys).lines[0]).toContain(
      "the bundle's heads end at size 4, before the witnessed checkpoint of size 10",
    );
    expect(checkBundleWitnessed([headOf(12)], cosigned(10, [witnessA]), keys).lines[0]).toContain(
      'the bundle holds no head of size 10',
    );
  });
});
