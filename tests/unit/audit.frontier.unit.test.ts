import fc from 'fast-check';
import { leafHash, nodeHash } from '../../domain/merkle/hashes.ts';
import { memorySubtreeSource, rootHash } from '../../domain/merkle/tree.ts';
import type { CompletedNode, Frontier } from '../../services/audit/frontier.ts';
import { appendLeaf, frontierCoordinates } from '../../services/audit/frontier.ts';

const leaves = (count: number) =>
  Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`event ${i}`)));

/** Every node the incremental builder writes for `count` leaves, by "level:index". */
const buildIncrementally = (hashes: readonly Buffer[]) => {
  const frontier: Frontier = new Map();
  const written = new Map<string, Buffer>();
  hashes.forEach((leaf, size) => {
    for (const node of appendLeaf(frontier, size, leaf)) {
      written.set(`${node.level}:${node.index}`, node.hash);
    }
  });
  return { frontier, written };
};

describe('the incremental Merkle builder', () => {
  it('writes exactly the perfect subtrees of level 1 and up, equal to a full build', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (count) => {
        const hashes = leaves(count);
        const reference = memorySubtreeSource(hashes);
        const { written } = buildIncrementally(hashes);
        let expected = 0;
        for (let level = 1; 2 ** level <= count; level++) {
          for (let index = 0; (index + 1) * 2 ** level <= count; index++) {
            expected += 1;
            expect(written.get(`${level}:${index}`)).toEqual(reference.subtree(level, index));
          }
        }
        expect(written.size).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('completes one subtree per trailing one-bit of the size it appends to', () => {
    const frontier: Frontier = new Map();
    const completed: CompletedNode[][] = leaves(8).map((leaf, size) =>
      appendLeaf(frontier, size, leaf),
    );
    expect(completed.map((nodes) => nodes.length)).toEqual([0, 1, 0, 2, 0, 1, 0, 3]);
    expect(completed[7]!.map(({ level, index }) => [level, index])).toEqual([
      [1, 3],
      [2, 1],
      [3, 0],
    ]);
  });

  it('keeps a frontier that sits where frontierCoordinates says and yields the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (count) => {
        const hashes = leaves(count);
        const reference = memorySubtreeSource(hashes);
        const { frontier } = buildIncrementally(hashes);
        const coordinates = frontierCoordinates(count);
        expect([...frontier.keys()].sort((a, b) => a - b)).toEqual(
          coordinates.map((at) => at.level),
        );
        for (const { level, index } of coordinates) {
          expect(frontier.get(level)).toEqual(reference.subtree(level, index));
        }
        // The frontier folded right to left is the root (RFC 6962's split of n).
        const folded = [...coordinates]
          .map(({ level }) => frontier.get(level)!)
          .reduce((right, left) => nodeHash(left, right));
        expect(folded).toEqual(rootHash(reference, count));
      }),
      { numRuns: 60 },
    );
  });

  it('places the frontier of sizes beyond 2^31 by arithmetic, not 32-bit operators', () => {
    const size = 2 ** 33 + 5;
    expect(frontierCoordinates(size)).toEqual([
      { level: 0, index: size - 1 },
      { level: 2, index: 2 ** 31 },
      { level: 33, index: 0 },
    ]);
  });

  it('refuses to extend a frontier that lacks the subtree it needs', () => {
    expect(() => appendLeaf(new Map(), 1, leaves(1)[0]!)).toThrow(/level 0/);
  });
});
