import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SubtreeSource } from '../../domain/merkle/tree.ts';
import type { AuditEntry } from './audit-entry.ts';
import type { Frontier } from './frontier.ts';
import { appendLeaf, frontierCoordinates } from './frontier.ts';
import { historyParams, insertHistorySql } from './history-index.ts';

/**
 * The Merkle log over the global order, kept in `audit.sqlite`: leaf hashes, the
 * perfect subtrees above them, and the history rows, all moved together with the
 * checkpoint (the number of leaves). Leaves are numbered 1…size in log order as
 * they are covered; leaf n is stored at `leaves.position` n, its event's global
 * position (opaque, with gaps where the store has them) is kept beside it.
 */
export interface TreeStore extends SubtreeSource {
  /** Number of leaves stored: the first `size` events of the log. */
  readonly size: number;
  /** Global position of the last event covered (leaf `size`), 0 before the first. */
  readonly position: number;
  /** Leaf hash of leaf `leaf` (1…size), or null beyond the tree. */
  leafHash(leaf: number): Buffer | null;
  /** Global positions of the events of leaves `from`…`from + count - 1` (within 1…size). */
  positions(from: number, count: number): number[];
  /** The leaf number of the event at global `position`, or null when it is not covered. */
  leafOf(position: number): number | null;
  /**
   * Appends a page of entries in one transaction. The page must follow the event
   * at `after` (the global position the page was read after; by default where
   * this connection last saw the tree end), the last one covered, in increasing
   * positions; another writer having moved the checkpoint first raises
   * TreeMovedError and nothing is written.
   */
  appendPage(entries: readonly AuditEntry[], after?: number): void;
  /** Re-reads the checkpoint, for a tree another connection may have grown. */
  refresh(): void;
  close(): void;
}

/** The checkpoint is not where the page expects it: another writer went first. */
export class TreeMovedError extends Error {
  readonly expected: number;
  readonly actual: number;

  constructor(expected: number, actual: number) {
    super(`audit tree: page starts after position ${expected}, but the tree ends at ${actual}`);
    this.name = 'TreeMovedError';
    this.expected = expected;
    this.actual = actual;
  }
}

interface Statements {
  begin: StatementSync;
  commit: StatementSync;
  rollback: StatementSync;
  size: StatementSync;
  setSize: StatementSync;
  leaf: StatementSync;
  node: StatementSync;
  insertLeaf: StatementSync;
  insertNode: StatementSync;
  insertHistory: StatementSync;
  positions: StatementSync;
  leafOf: StatementSync;
  insertPosition: StatementSync;
}

const prepare = (db: DatabaseSync): Statements => ({
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
  size: db.prepare('SELECT tree_size AS size FROM checkpoint WHERE id = 1'),
  setSize: db.prepare('UPDATE checkpoint SET tree_size = ? WHERE id = 1'),
  leaf: db.prepare('SELECT hash FROM leaves WHERE position = ?'),
  node: db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?'),
  insertLeaf: db.prepare('INSERT INTO leaves (position, hash) VALUES (?, ?)'),
  insertNode: db.prepare('INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)'),
  insertHistory: db.prepare(insertHistorySql),
  positions: db.prepare(
    'SELECT leaf, position FROM leaf_positions WHERE leaf BETWEEN ? AND ? ORDER BY leaf',
  ),
  leafOf: db.prepare('SELECT leaf FROM leaf_positions WHERE position = ?'),
  insertPosition: db.prepare('INSERT INTO leaf_positions (leaf, position) VALUES (?, ?)'),
});

const asBuffer = (row: unknown): Buffer | null => {
  const hash = (row as { hash?: Uint8Array } | undefined)?.hash;
  return hash ? Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength) : null;
};

/** Checks a page's positions increase from `after` on before anything is written. */
const checkSequence = (entries: readonly AuditEntry[], after: number): void => {
  entries.reduce((previous, entry) => {
    if (entry.position <= previous) {
      throw new Error(`audit tree: entry at ${entry.position} after ${previous}`);
    }
    return entry.position;
  }, after);
};

/**
 * Only leaves whose event's position differs from their number have a row in
 * `leaf_positions`. Positions strictly increase, so leaf n's position is at least
 * n, and once one runs ahead of its leaf every later one does: the leaves without
 * a row are a prefix, each at the position of its number. A dense log (SQLite,
 * PostgreSQL) writes no row at all, and an audit.sqlite written before the table
 * existed (indexed from a dense log) reads as that prefix, with nothing to migrate.
 */
const positionsOf = (st: Statements, from: number, count: number): number[] => {
  const found = new Map(
    (st.positions.all(from, from + count - 1) as { leaf: number; position: number }[]).map(
      (row) => [row.leaf, row.position],
    ),
  );
  return Array.from({ length: count }, (_, k) => found.get(from + k) ?? from + k);
};

/** The tree store over an open audit database (see `openAuditDatabase`). */
export const createTreeStore = (db: DatabaseSync): TreeStore => {
  const st = prepare(db);
  const storedSize = () => (st.size.get() as { size: number }).size;

  const subtree = (level: number, index: number): Buffer => {
    const hash = asBuffer(level === 0 ? st.leaf.get(index + 1) : st.node.get(level, index));
    if (!hash) throw new Error(`audit tree: no subtree at level ${level}, index ${index}`);
    return hash;
  };

  const loadFrontier = (size: number): Frontier =>
    new Map(frontierCoordinates(size).map(({ level, index }) => [level, subtree(level, index)]));

  const positionAt = (leaf: number): number => (leaf < 1 ? 0 : positionsOf(st, leaf, 1)[0]!);

  let size = storedSize();
  let position = positionAt(size);
  let frontier = loadFrontier(size);

  /** Writes the page inside the open transaction; returns the frontier it leads to. */
  const write = (entries: readonly AuditEntry[], from: number): Frontier => {
    const next = new Map(frontier);
    entries.forEach((entry, offset) => {
      const leaf = from + offset + 1;
      st.insertLeaf.run(leaf, entry.leafHash);
      if (entry.position !== leaf) st.insertPosition.run(leaf, entry.position);
      for (const node of appendLeaf(next, from + offset, entry.leafHash)) {
        st.insertNode.run(node.level, node.index, node.hash);
      }
      st.insertHistory.run(...historyParams(entry.history));
    });
    st.setSize.run(from + entries.length);
    return next;
  };

  const refresh = () => {
    const stored = storedSize();
    if (stored !== size) {
      size = stored;
      position = positionAt(stored);
      frontier = loadFrontier(stored);
    }
  };

  return {
    get size() {
      return size;
    },
    get position() {
      return position;
    },
    subtree,
    leafHash: (leaf) => (leaf >= 1 ? asBuffer(st.leaf.get(leaf)) : null),
    positions: (from, count) => {
      if (from < 1 || count < 0 || from + count - 1 > size) {
        throw new Error(`audit tree: no leaves ${from}…${from + count - 1} in a tree of ${size}`);
      }
      return count === 0 ? [] : positionsOf(st, from, count);
    },
    leafOf: (at) => {
      const row = st.leafOf.get(at) as { leaf: number } | undefined;
      if (row) return row.leaf;
      // No row: covered only as a leaf of the identity prefix.
      return Number.isSafeInteger(at) && at >= 1 && at <= size && positionAt(at) === at ? at : null;
    },
    appendPage(entries, after = position) {
      if (entries.length === 0) return;
      st.begin.run();
      try {
        // Under the write lock: a tree grown by another connection is seen here.
        refresh();
        if (after !== position) throw new TreeMovedError(after, position);
        checkSequence(entries, after);
        const next = write(entries, size);
        st.commit.run();
        size += entries.length;
        position = entries.at(-1)!.position;
        frontier = next;
      } catch (error) {
        if (db.isTransaction) st.rollback.run();
        throw error;
      }
    },
    refresh,
    close: () => {
      if (db.isOpen) db.close();
    },
  };
};
