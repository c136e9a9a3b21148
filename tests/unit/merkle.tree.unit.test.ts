import { createHash } from 'node:crypto';
import { DomainError } from '../../contracts/errors.ts';
import { emptyRoot, leafHash, nodeHash } from '../../domain/merkle/hashes.ts';
import {
  consistencyProof,
  inclusionProof,
  memorySubtreeSource,
  rangeHash,
  rootHash,
  type SubtreeSource,
  verifyConsistency,
  verifyInclusion,
} from '../../domain/merkle/tree.ts';
import { referenceLeafData, referenceRoots } from '../fixtures/rfc6962/reference-tree.ts';

// An independent reading of RFC 6962 §2.1, written as the text reads: recursion
// on lists, k the largest power of two smaller than n. The code under test works
// from perfect subtrees instead; the two must agree everywhere.
const splitOf = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const naiveMth = (leaves: readonly Buffer[]): Buffer => {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  const k = splitOf(leaves.length);
  return nodeHash(naiveMth(leaves.slice(0, k)), naiveMth(leaves.slice(k)));
};

const naivePath = (m: number, leaves: readonly Buffer[]): Buffer[] => {
  if (leaves.length <= 1) return [];
  const k = splitOf(leaves.length);
  return m < k
    ? [...naivePath(m, leaves.slice(0, k)), naiveMth(leaves.slice(k))]
    : [...naivePath(m - k, leaves.slice(k)), naiveMth(leaves.slice(0, k))];
};

const naiveSubproof = (m: number, leaves: readonly Buffer[], b: boolean): Buffer[] => {
  const n = leaves.length;
  if (m === n) return b ? [] : [naiveMth(leaves)];
  const k = splitOf(n);
  return m <= k
    ? [...naiveSubproof(m, leaves.slice(0, k), b), naiveMth(leaves.slice(k))]
    : [...naiveSubproof(m - k, leaves.slice(k), false), naiveMth(leaves.slice(0, k))];
};

const hex = (hashes: readonly Uint8Array[]): string[] =>
  hashes.map((h) => Buffer.from(h).toString('hex'));

const leavesOf = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event ${i}`)));

const MAX = 64;
const leaves = leavesOf(MAX);
const source = memorySubtreeSource(leaves);
const sizes = Array.from({ length: MAX }, (_, i) => i + 1);

/** Counts subtree lookups, to hold the cost bounds the storage relies on. */
const counting = (inner: SubtreeSource) => {
  const counter = {
    lookups: 0,
    size: inner.size,
    subtree: (level: number, index: number) => {
      counter.lookups += 1;
      return inner.subtree(level, index);
    },
  };
  return counter;
};

/**
 * A consistent source of any size in O(1): every leaf is the same, so every perfect
 * subtree of a level has the same hash. Lets sizes beyond 2^32 be exercised.
 */
const uniformSource = (size: number): SubtreeSource => {
  const levels = [leafHash(Buffer.from('same'))];
  for (let l = 1; l <= 53; l++) levels.push(nodeHash(levels[l - 1]!, levels[l - 1]!));
  return { size, subtree: (level) => Buffer.from(levels[level]!) };
};

const expectValidation = (run: () => unknown, field: string) => {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect(caught).toMatchObject({ code: 'VALIDATION', details: { field } });
};

describe('the hashes', () => {
  it('prefix leaves with 0x00 and nodes with 0x01 (RFC 6962 §2.1)', () => {
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(referenceRoots[0]);
    const left = Buffer.alloc(32, 1);
    const right = Buffer.alloc(32, 2);
    const expected = createHash('sha256').update(Buffer.of(1)).update(left).update(right);
    expect(nodeHash(left, right).toString('hex')).toBe(expected.digest('hex'));
  });

  it('give the empty tree the SHA-256 of the empty string', () => {
    expect(emptyRoot().toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('the reference tree of transparency-dev/merkle', () => {
  const reference = memorySubtreeSource(referenceLeafData.map(leafHash));

  it.each(referenceRoots.map((root, i) => [i + 1, root] as const))(
    'has the published root at size %i',
    (size, root) => {
      expect(rootHash(reference, size).toString('hex')).toBe(root);
    },
  );

  it('agrees with the naive recursion at every size', () => {
    const hashes = referenceLeafData.map(leafHash);
    for (const size of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(naiveMth(hashes.slice(0, size)).toString('hex')).toBe(referenceRoots[size - 1]);
    }
  });
});

describe('the root hash', () => {
  it('of the empty tree is the empty root', () => {
    expect(rootHash(memorySubtreeSource([]), 0)).toEqual(emptyRoot());
    expect(rootHash(source, 0)).toEqual(emptyRoot());
  });

  it.each(sizes)('at size %i agrees with the naive MTH', (size) => {
    expect(rootHash(source, size).toString('hex')).toBe(
      naiveMth(leaves.slice(0, size)).toString('hex'),
    );
  });

  it('beyond the source size is refused as VALIDATION naming size', () => {
    expectValidation(() => rootHash(source, MAX + 1), 'size');
  });
});

describe('a range hash', () => {
  const recursionRanges = (lo: number, hi: number, into: [number, number][]) => {
    into.push([lo, hi]);
    if (hi - lo < 2) return into;
    const k = splitOf(hi - lo);
    recursionRanges(lo, lo + k, into);
    recursionRanges(lo + k, hi, into);
    return into;
  };

  it('agrees with the naive MTH on every range RFC 6962 recursion visits, sizes 1..64', () => {
    for (const size of sizes) {
      for (const [lo, hi] of recursionRanges(0, size, [])) {
        expect([lo, hi, rangeHash(source, lo, hi).toString('hex')]).toEqual([
          lo,
          hi,
          naiveMth(leaves.slice(lo, hi)).toString('hex'),
        ]);
      }
    }
  });

  it.each([
    [1, 3],
    [3, 8],
    [2, 6],
    [5, 7],
  ])('over [%i, %i), not a subtree of the recursion, is refused as VALIDATION', (lo, hi) => {
    expectValidation(() => rangeHash(source, lo, hi), 'start');
  });

  it('beyond the source size is refused as VALIDATION naming end', () => {
    expectValidation(() => rangeHash(source, 0, MAX + 1), 'end');
  });

  it('reads at most one perfect subtree per bit of the range length', () => {
    const counter = counting(source);
    rangeHash(counter, 0, 63);
    expect(counter.lookups).toBe(6);
  });
});

describe('an inclusion proof', () => {
  it('agrees with the naive PATH for every index of every size 1..64', () => {
    for (const size of sizes) {
      for (let index = 0; index < size; index++) {
        const naive = hex(naivePath(index, leaves.slice(0, size)));
        expect([size, index, hex(inclusionProof(source, index, size))]).toEqual([
          size,
          index,
          naive,
        ]);
      }
    }
  });

  it('verifies for every index of every size 1..64', () => {
    for (const size of sizes) {
      const root = rootHash(source, size);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(source, index, size);
        expect([size, index, verifyInclusion(leaves[index]!, index, size, proof, root)]).toEqual([
          size,
          index,
          true,
        ]);
      }
    }
  });

  it.each([
    ['index', 5, 5],
    ['index', -1, 5],
    ['index', 1.5, 5],
    ['size', 0, 0],
    ['size', 0, MAX + 1],
  ] as const)('asked with a bad %s (%d of %d) is refused as VALIDATION', (field, index, size) => {
    expectValidation(() => inclusionProof(source, index, size), field);
  });
});

describe('a consistency proof', () => {
  it('agrees with the naive PROOF for every pair of sizes 1 ≤ m ≤ n ≤ 64', () => {
    for (const size2 of sizes) {
      for (let size1 = 1; size1 <= size2; size1++) {
        const naive = hex(naiveSubproof(size1, leaves.slice(0, size2), true));
        expect([size1, size2, hex(consistencyProof(source, size1, size2))]).toEqual([
          size1,
          size2,
          naive,
        ]);
      }
    }
  });

  it('verifies for every pair of sizes 1 ≤ m ≤ n ≤ 64', () => {
    for (const size2 of sizes) {
      const root2 = rootHash(source, size2);
      for (let size1 = 1; size1 <= size2; size1++) {
        const proof = consistencyProof(source, size1, size2);
        const ok = verifyConsistency(size1, size2, proof, rootHash(source, size1), root2);
        expect([size1, size2, ok]).toEqual([size1, size2, true]);
      }
    }
  });

  it('between equal sizes is empty', () => {
    expect(consistencyProof(source, 7, 7)).toEqual([]);
  });

  it.each([
    ['size1', 0, 5],
    ['size1', 6, 5],
    ['size2', 1, MAX + 1],
  ] as const)('asked with a bad %s (%d to %d) is refused as VALIDATION', (field, size1, size2) => {
    expectValidation(() => consistencyProof(source, size1, size2), field);
  });
});

describe('verification given malformed input', () => {
  const short = Buffer.alloc(31, 7);
  const [leaf0, leaf1] = [leaves[0]!, leaves[1]!];
  const root2 = rootHash(source, 2);

  it('refuses a leaf that is not 32 bytes, even when it hashes up to the root', () => {
    expect(verifyInclusion(short, 0, 2, [leaf1], nodeHash(short, leaf1))).toBe(false);
  });

  it('refuses an inclusion proof element that is not 32 bytes, even when it hashes up', () => {
    expect(verifyInclusion(leaf0, 0, 2, [short], nodeHash(leaf0, short))).toBe(false);
  });

  it('refuses a consistency proof element that is not 32 bytes, even when it hashes up', () => {
    const root3 = nodeHash(root2, short);
    expect(verifyConsistency(2, 3, [short], root2, root3)).toBe(false);
  });

  it('answers false, never throws, for sizes and proofs that are not numbers or lists', () => {
    const junk = [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, 2 ** 53];
    for (const bad of junk) {
      expect(verifyInclusion(leaf0, bad, 2, [leaf1], root2)).toBe(false);
      expect(verifyInclusion(leaf0, 0, bad, [leaf1], root2)).toBe(false);
      expect(verifyConsistency(bad, 2, [leaf1], leaf0, root2)).toBe(false);
      expect(verifyConsistency(1, bad, [leaf1], leaf0, root2)).toBe(false);
    }
    const notAList = null as unknown as Uint8Array[];
    expect(verifyInclusion(leaf0, 0, 2, notAList, root2)).toBe(false);
    expect(verifyConsistency(1, 2, notAList, leaf0, root2)).toBe(false);
    const notBytes = ['a'.repeat(32)] as unknown as Uint8Array[];
    expect(verifyInclusion(leaf0, 0, 2, notBytes, root2)).toBe(false);
  });

  it('still accepts the honest proofs these were built from', () => {
    expect(verifyInclusion(leaf0, 0, 2, [leaf1], root2)).toBe(true);
    expect(verifyConsistency(1, 2, [leaf1], leaf0, root2)).toBe(true);
  });
});

describe('a tree beyond 2^32 leaves', () => {
  const size = 2 ** 40 + 12_345;
  const big = uniformSource(size);

  it('gives inclusion proofs that verify, with O(log² n) lookups', () => {
    const counter = counting(big);
    const index = 2 ** 39 + 777;
    const proof = inclusionProof(counter, index, size);
    expect(proof).toHaveLength(41);
    expect(counter.lookups).toBeLessThanOrEqual(41 * 41);
    expect(verifyInclusion(big.subtree(0, 0), index, size, proof, rootHash(big, size))).toBe(true);
  });

  it('gives consistency proofs that verify, with O(log² n) lookups', () => {
    const counter = counting(big);
    const size1 = 2 ** 33 + 3;
    const proof = consistencyProof(counter, size1, size);
    expect(counter.lookups).toBeLessThanOrEqual(41 * 41);
    const ok = verifyConsistency(size1, size, proof, rootHash(big, size1), rootHash(big, size));
    expect(ok).toBe(true);
  });
});

describe('a memory subtree source', () => {
  it('refuses a leaf that is not a 32-byte hash, naming it', () => {
    expectValidation(() => memorySubtreeSource([leaves[0]!, Buffer.alloc(31)]), 'leaves[1]');
  });

  it('refuses a subtree outside the tree', () => {
    expectValidation(() => source.subtree(0, MAX), 'index');
    expectValidation(() => source.subtree(7, 0), 'level');
  });

  it('hands out copies, so altering a proof cannot alter the tree', () => {
    const before = rootHash(source, MAX).toString('hex');
    for (const hash of inclusionProof(source, 0, MAX)) hash.fill(0);
    source.subtree(6, 0).fill(0);
    expect(rootHash(source, MAX).toString('hex')).toBe(before);
  });
});
