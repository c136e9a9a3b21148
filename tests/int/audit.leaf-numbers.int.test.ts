import type { DatabaseSync } from 'node:sqlite';
import { leafHash } from '../../domain/merkle/hashes.ts';
import { memorySubtreeSource, rootHash } from '../../domain/merkle/tree.ts';
import type { AuditEntry } from '../../services/audit/audit-entry.ts';
import { indexedPosition } from '../../services/audit/indexed-position.ts';
import { TreeMovedError } from '../../services/audit/tree-store.ts';
import { auditTrees } from '../support/audit-trees.ts';
import { tempDir } from '../support/int-fixtures.ts';
import { sparsePosition } from '../support/sparse-event-store.ts';

const temp = tempDir('audit-leaf-numbers');
afterAll(() => temp.remove());

const open = auditTrees();

/** The k-th event's leaf hash: the same whatever its position, so trees compare by leaf. */
const hashOf = (k: number): Buffer => leafHash(Buffer.from(`event ${k}`));

/** The audit entry of the k-th event of the log (from 1), stored at `position`. */
const entry = (k: number, position: number): AuditEntry => ({
  position,
  leafHash: hashOf(k),
  history: {
    position,
    streamId: `task-${k % 5}`,
    type: 'TaskRegistered',
    actorId: 'actor',
    actorRole: 'office',
    unitId: null,
    recordedAt: '2021-03-01T08:00:00.000Z',
    businessDate: '2021-03-01',
  },
});

/** Events from…to of the log (by count), at the positions `at` gives them. */
const entries = (from: number, to: number, at: (k: number) => number): AuditEntry[] =>
  Array.from({ length: to - from + 1 }, (_, i) => entry(from + i, at(from + i)));

const rowsOf = (db: DatabaseSync) =>
  (db.prepare('SELECT count(*) AS n FROM leaf_positions').get() as { n: number }).n;

const reference = (size: number) =>
  memorySubtreeSource(Array.from({ length: size }, (_, i) => hashOf(i + 1)));

describe('the leaves of a log whose positions have gaps', () => {
  it('are numbered 1…N in log order, each mapped to its position both ways, after a restart too', () => {
    const path = temp.file('audit.sqlite');
    const first = open(path);
    first.tree.appendPage(entries(1, 7, sparsePosition), 0);
    first.tree.appendPage(entries(8, 12, sparsePosition), sparsePosition(7));
    first.tree.close();

    const { tree } = open(path);
    expect(tree.size).toBe(12);
    expect(tree.position).toBe(sparsePosition(12));
    expect(tree.positions(1, 12)).toEqual(entries(1, 12, sparsePosition).map((e) => e.position));
    expect(tree.leafOf(sparsePosition(9))).toBe(9);
    expect(tree.leafOf(9)).toBeNull();
    expect(tree.leafOf(sparsePosition(9) + 1)).toBeNull();
    expect(tree.leafOf(sparsePosition(13))).toBeNull();
    expect(tree.leafHash(9)).toEqual(hashOf(9));
    expect(rootHash(tree, 12)).toEqual(rootHash(reference(12), 12));
    expect(indexedPosition(path)).toBe(sparsePosition(12));
  });

  it('refuse a page that does not follow the position the tree ends at', () => {
    const { tree } = open(temp.file('audit.sqlite'));
    tree.appendPage(entries(1, 3, sparsePosition), 0);
    expect(() => tree.appendPage(entries(4, 5, sparsePosition), sparsePosition(2))).toThrow(
      TreeMovedError,
    );
    expect(tree.size).toBe(3);
  });
});

describe('the leaves of a dense log', () => {
  it('are their positions, with no row of mapping written', () => {
    const path = temp.file('audit.sqlite');
    const { db, tree } = open(path);
    tree.appendPage(
      entries(1, 9, (k) => k),
      0,
    );
    expect(rowsOf(db)).toBe(0);
    expect(tree.positions(1, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tree.leafOf(4)).toBe(4);
    expect(tree.leafOf(10)).toBeNull();
    expect(tree.position).toBe(9);
    expect(indexedPosition(path)).toBe(9);
  });
});

describe('an audit index written before leaves were mapped to positions', () => {
  it('reads as the identity, and maps the leaves covered from then on', () => {
    const path = temp.file('audit.sqlite');
    const before = open(path);
    before.tree.appendPage(
      entries(1, 6, (k) => k),
      0,
    );
    // The file as it was: no mapping table at all.
    before.db.exec('DROP TABLE leaf_positions');
    before.tree.close();
    expect(indexedPosition(path)).toBe(6);

    const { db, tree } = open(path);
    expect(tree.size).toBe(6);
    expect(tree.position).toBe(6);
    expect(tree.leafOf(5)).toBe(5);
    // A store whose positions jump from here on (a log moved to a store with gaps).
    tree.appendPage(
      entries(7, 9, (k) => k * 100),
      6,
    );
    expect(rowsOf(db)).toBe(3);
    expect(tree.positions(5, 5)).toEqual([5, 6, 700, 800, 900]);
    expect(tree.leafOf(800)).toBe(8);
    expect(tree.leafOf(8)).toBeNull();
    expect(indexedPosition(path)).toBe(900);
    expect(rootHash(tree, 9)).toEqual(rootHash(reference(9), 9));
  });
});
