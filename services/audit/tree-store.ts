import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SubtreeSource } from '../../domain/merkle/tree.ts';
import type { AuditEntry } from './audit-entry.ts';
import type { Frontier } from './frontier.ts';
import { appendLeaf, frontierCoordinates } from './frontier.ts';
import { historyParams, insertHistorySql } from './history-index.ts';

/**
 * The Merkle log over the global order, kept in `audit.sqlite`: leaf hashes, the
 * perfect subtrees above them, and the history rows, all moved together with the
 * checkpoint (the number of leaves). Leaf i is the event at position i + 1.
 */
export interface TreeStore extends SubtreeSource {
  /** Number of leaves stored: the events at positions 1…size. */
  readonly size: number;
  /** Leaf hash of the event at `position`, or null beyond the tree. */
  leafHash(position: number): Buffer | null;
  /**
   * Appends a page of entries in one transaction. The page must start right after
   * the stored checkpoint and run without gaps; another writer having moved the
   * checkpoint first raises TreeMovedError and nothing is written.
   */
  appendPage(entries: readonly AuditEntry[]): void;
  /** Re-reads the checkpoint, for a tree another connection may have grown. */
  refresh(): void;
  close(): void;
}

/** The checkpoint is not where the page expects it: another writer went first. */
export class TreeMovedError extends Error {
  readonly expected: number;
  readonly actual: number;

  constructor(expected: number, actual: number) {
    super(`audit tree: page starts after ${expected}, but the tree holds ${actual} leaves`);
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
});

const asBuffer = (row: unknown): Buffer | null => {
  const hash = (row as { hash?: Uint8Array } | undefined)?.hash;
  return hash ? Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength) : null;
};

/** Checks a page runs on from `size` without gaps before anything is written. */
const checkSequence = (entries: readonly AuditEntry[], size: number): void => {
  entries.forEach((entry, offset) => {
    if (entry.position !== size + 1 + offset) {
      throw new Error(`audit tree: entry at ${entry.position} where ${size + 1 + offset} belongs`);
    }
  });
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

  let size = storedSize();
  let frontier = loadFrontier(size);

  /** Writes the page inside the open transaction; returns the frontier it leads to. */
  const write = (entries: readonly AuditEntry[], from: number): Frontier => {
    const next = new Map(frontier);
    entries.forEach((entry, offset) => {
      st.insertLeaf.run(entry.position, entry.leafHash);
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
      frontier = loadFrontier(stored);
    }
  };

  return {
    get size() {
      return size;
    },
    subtree,
    leafHash: (position) => (position >= 1 ? asBuffer(st.leaf.get(position)) : null),
    appendPage(entries) {
      const first = entries[0];
      if (!first) return;
      st.begin.run();
      try {
        // Under the write lock: a tree grown by another connection is seen here.
        refresh();
        if (first.position !== size + 1) throw new TreeMovedError(first.position - 1, size);
        checkSequence(entries, size);
        const next = write(entries, size);
        st.commit.run();
        size += entries.length;
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
