import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { type CompactLeaves, compactLeaves } from './compact-tree.ts';

/**
 * What the audit service recorded in `audit.sqlite` when it first saw each event:
 * the leaf hashes (table `leaves`) and the perfect subtrees above them (`nodes`,
 * levels ≥ 1). Derived data, so not trusted by itself: a record is believed only
 * where it hashes up to a signed root.
 */
export interface AuditRecord {
  /**
   * Slot `n − 1` holds the recorded leaf n. Leaf n is the event at position n on
   * a log without gaps, the only kind the SQLite log these tools read can be.
   */
  leaves: CompactLeaves;
  /**
   * The record keeps positions apart from its leaf numbers (`leaf_positions` has
   * rows): it indexed a log with gaps, so it is not the record of a SQLite log.
   */
  leavesApartFromPositions?: boolean;
  /** The perfect subtree as recorded, or undefined when the record lacks it. */
  subtree(level: number, index: number): Buffer | undefined;
  close(): void;
}

const asBuffer = (hash: unknown): Buffer | undefined =>
  hash instanceof Uint8Array
    ? Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength)
    : undefined;

/** Whether `leaf_positions` (absent from records written before it) holds any row. */
const keepsPositionsApart = (db: DatabaseSync): boolean => {
  const table = db
    .prepare(
      "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'leaf_positions'",
    )
    .get();
  return (
    table !== undefined &&
    db.prepare('SELECT 1 AS found FROM leaf_positions LIMIT 1').get() !== undefined
  );
};

/** Every recorded leaf, in one pass over the table (its `position` column is the leaf number). */
const readLeaves = (db: DatabaseSync): CompactLeaves => {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM leaves').get() as { n: number }).n;
  const leaves = compactLeaves(Math.max(1024, count));
  for (const row of db.prepare('SELECT position, hash FROM leaves ORDER BY position').iterate()) {
    const { position, hash } = row as { position: number; hash: unknown };
    const bytes = asBuffer(hash);
    if (Number.isSafeInteger(position) && position >= 1 && bytes?.length === 32) {
      leaves.set(position - 1, bytes);
    }
  }
  return leaves;
};

/**
 * Opens the audit record read-only; null when the file is missing or is not an
 * audit database (the check then falls back to the signed heads alone).
 */
export const openAuditRecord = (file: string): AuditRecord | null => {
  if (!existsSync(file)) return null;
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    const leaves = readLeaves(db);
    const node = db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?');
    const open = db;
    return {
      leaves,
      leavesApartFromPositions: keepsPositionsApart(db),
      subtree(level, index) {
        if (level === 0) return leaves.has(index) ? leaves.get(index) : undefined;
        const hash = asBuffer((node.get(level, index) as { hash?: unknown } | undefined)?.hash);
        return hash?.length === 32 ? hash : undefined;
      },
      close: () => {
        if (open.isOpen) open.close();
      },
    };
  } catch {
    if (db?.isOpen) db.close();
    return null;
  }
};
