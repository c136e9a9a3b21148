import fc from 'fast-check';
import { leafHash } from '../../domain/merkle/hashes.ts';
import {
  consistencyProof,
  inclusionProof,
  memorySubtreeSource,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from '../../domain/merkle/tree.ts';

// Random logs of 1..300 events. Each event's bytes begin with its position, as real
// canonical events do, so no two leaves are equal (equal leaves make a proof for
// one index honestly valid for its twin).
// `size: 'max'` because fast-check otherwise keeps arrays to about ten items.
const leavesArb = fc
  .array(fc.uint8Array({ maxLength: 48 }), { minLength: 1, maxLength: 300, size: 'max' })
  .map((events) =>
    events.map((bytes, i) => leafHash(Buffer.concat([Buffer.from(`${i + 1}:`), bytes]))),
  );

const inclusionCase = fc
  .record({ leaves: leavesArb, a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat() })
  .map(({ leaves, a, b, c, d }) => {
    const source = memorySubtreeSource(leaves);
    const size = 1 + (a % leaves.length);
    const index = b % size;
    const proof = inclusionProof(source, index, size);
    return { leaves, size, index, proof, root: rootHash(source, size), c, d };
  });

const consistencyCase = fc
  .record({ leaves: leavesArb, a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat() })
  .map(({ leaves, a, b, c, d }) => {
    const source = memorySubtreeSource(leaves);
    const size2 = 1 + (a % leaves.length);
    const size1 = 1 + (b % size2);
    const proof = consistencyProof(source, size1, size2);
    const root1 = rootHash(source, size1);
    return { size1, size2, proof, root1, root2: rootHash(source, size2), c, d };
  });

/** A copy of `hash` with bit `bit` (0..255) flipped. */
const flipped = (hash: Uint8Array, bit: number): Buffer => {
  const copy = Buffer.from(hash);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};

/** The proof with bit `bit` of element `element` flipped. */
const withFlip = (proof: readonly Buffer[], element: number, bit: number): Buffer[] =>
  proof.map((hash, i) => (i === element ? flipped(hash, bit) : hash));

const extraHash = leafHash(Buffer.from('not part of any proof'));

const runs = { numRuns: 200 };

describe('an inclusion proof of a random log', () => {
  it('verifies against the root of its tree', () => {
    fc.assert(
      fc.property(inclusionCase, ({ leaves, size, index, proof, root }) =>
        verifyInclusion(leaves[index]!, index, size, proof, root),
      ),
      runs,
    );
  });

  it('fails with any single bit of any proof element flipped', () => {
    fc.assert(
      fc.property(inclusionCase, ({ leaves, size, index, proof, root, c, d }) => {
        fc.pre(proof.length > 0);
        const altered = withFlip(proof, c % proof.length, d % 256);
        return !verifyInclusion(leaves[index]!, index, size, altered, root);
      }),
      runs,
    );
  });

  it('fails with any single bit of the leaf or of the root flipped', () => {
    fc.assert(
      fc.property(inclusionCase, ({ leaves, size, index, proof, root, d }) => {
        const leaf = leaves[index]!;
        return (
          !verifyInclusion(flipped(leaf, d % 256), index, size, proof, root) &&
          !verifyInclusion(leaf, index, size, proof, flipped(root, d % 256))
        );
      }),
      runs,
    );
  });

  it('does not verify another index, with that index’s leaf or its own', () => {
    fc.assert(
      fc.property(inclusionCase, ({ leaves, size, index, proof, root, c }) => {
        fc.pre(size > 1);
        const other = (index + 1 + (c % (size - 1))) % size;
        return (
          !verifyInclusion(leaves[other]!, other, size, proof, root) &&
          !verifyInclusion(leaves[index]!, other, size, proof, root)
        );
      }),
      runs,
    );
  });

  it('fails truncated or extended at either end', () => {
    fc.assert(
      fc.property(inclusionCase, ({ leaves, size, index, proof, root }) => {
        const leaf = leaves[index]!;
        const variants = [
          [...proof, extraHash],
          [extraHash, ...proof],
          [...proof, root],
        ];
        if (proof.length > 0) variants.push(proof.slice(1), proof.slice(0, -1));
        return variants.every((variant) => !verifyInclusion(leaf, index, size, variant, root));
      }),
      runs,
    );
  });
});

describe('a consistency proof of a random log', () => {
  it('verifies against the roots of both trees', () => {
    fc.assert(
      fc.property(consistencyCase, ({ size1, size2, proof, root1, root2 }) =>
        verifyConsistency(size1, size2, proof, root1, root2),
      ),
      runs,
    );
  });

  it('fails with any single bit of any proof element flipped', () => {
    fc.assert(
      fc.property(consistencyCase, ({ size1, size2, proof, root1, root2, c, d }) => {
        fc.pre(proof.length > 0);
        const altered = withFlip(proof, c % proof.length, d % 256);
        return !verifyConsistency(size1, size2, altered, root1, root2);
      }),
      runs,
    );
  });

  it('fails with any single bit of either root flipped', () => {
    fc.assert(
      fc.property(consistencyCase, ({ size1, size2, proof, root1, root2, d }) => {
        const bit = d % 256;
        return (
          !verifyConsistency(size1, size2, proof, flipped(root1, bit), root2) &&
          !verifyConsistency(size1, size2, proof, root1, flipped(root2, bit))
        );
      }),
      runs,
    );
  });

  it('fails truncated or extended at either end', () => {
    fc.assert(
      fc.property(consistencyCase, ({ size1, size2, proof, root1, root2 }) => {
        const variants = [
          [...proof, extraHash],
          [extraHash, ...proof],
          [root1, ...proof],
        ];
        if (proof.length > 0) variants.push(proof.slice(1), proof.slice(0, -1));
        return variants.every((variant) => !verifyConsistency(size1, size2, variant, root1, root2));
      }),
      runs,
    );
  });

  it('does not verify for another old size', () => {
    fc.assert(
      fc.property(consistencyCase, ({ size1, size2, proof, root1, root2, c }) => {
        fc.pre(size2 > 1);
        const other = 1 + ((size1 + (c % (size2 - 1))) % size2);
        return !verifyConsistency(other, size2, proof, root1, root2);
      }),
      runs,
    );
  });
});

describe('every proof of a 13-event log', () => {
  const leaves = Array.from({ length: 13 }, (_, i) => leafHash(Buffer.from(`event ${i + 1}`)));
  const source = memorySubtreeSource(leaves);
  const roots = Array.from({ length: 14 }, (_, size) => rootHash(source, size));

  /** Every single-bit alteration of the proof that `verify` still accepts. */
  const acceptedFlips = (proof: readonly Buffer[], verify: (p: Buffer[]) => boolean) => {
    const accepted: string[] = [];
    proof.forEach((_, element) => {
      for (let bit = 0; bit < 256; bit++) {
        if (verify(withFlip(proof, element, bit))) accepted.push(`element ${element} bit ${bit}`);
      }
    });
    return accepted;
  };

  it('fails an inclusion check with each of its bits flipped, one at a time', () => {
    const accepted: string[] = [];
    let flips = 0;
    for (let size = 1; size <= 13; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(source, index, size);
        const verify = (p: Buffer[]) =>
          verifyInclusion(leaves[index]!, index, size, p, roots[size]!);
        flips += proof.length * 256;
        accepted.push(...acceptedFlips(proof, verify).map((f) => `${index}/${size}: ${f}`));
      }
    }
    expect(accepted).toEqual([]);
    expect(flips).toBeGreaterThan(10_000);
  });

  it('fails a consistency check with each of its bits flipped, one at a time', () => {
    const accepted: string[] = [];
    let flips = 0;
    for (let size2 = 1; size2 <= 13; size2++) {
      for (let size1 = 1; size1 <= size2; size1++) {
        const proof = consistencyProof(source, size1, size2);
        const verify = (p: Buffer[]) =>
          verifyConsistency(size1, size2, p, roots[size1]!, roots[size2]!);
        flips += proof.length * 256;
        accepted.push(...acceptedFlips(proof, verify).map((f) => `${size1}→${size2}: ${f}`));
      }
    }
    expect(accepted).toEqual([]);
    expect(flips).toBeGreaterThan(10_000);
  });
});
