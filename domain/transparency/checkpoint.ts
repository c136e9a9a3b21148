/**
 * Checkpoints (c2sp.org/tlog-checkpoint): the note text a transparency log
 * signs for a tree head — its origin, the tree size in decimal, the root hash
 * in base64 — then any extension lines.
 */

/** A tree head as a checkpoint says it. */
export interface Checkpoint {
  /** The log's unique name, a schema-less URL. */
  origin: string;
  size: number;
  rootHash: Buffer;
  /** Extra lines, as the log wrote them. */
  extensions: string[];
}

/** Why a checkpoint was refused. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

/** The note text of a checkpoint. */
export const checkpointText = (checkpoint: Checkpoint): string => {
  if (checkpoint.origin.length === 0 || checkpoint.origin.includes('\n')) {
    throw new CheckpointError('a checkpoint names its origin on one non-empty line');
  }
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) {
    throw new CheckpointError('a checkpoint size is a whole number');
  }
  if (checkpoint.rootHash.length !== 32) throw new CheckpointError('a root hash is 32 bytes');
  const lines = [
    checkpoint.origin,
    String(checkpoint.size),
    checkpoint.rootHash.toString('base64'),
    ...checkpoint.extensions,
  ];
  return `${lines.join('\n')}\n`;
};

/** Reads a checkpoint's note text (already opened: its signature checked). */
export const parseCheckpoint = (text: string): Checkpoint => {
  if (!text.endsWith('\n')) throw new CheckpointError('a checkpoint ends in a newline');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin) throw new CheckpointError('a checkpoint starts with its origin');
  if (size === undefined || !/^(0|[1-9][0-9]{0,15})$/.test(size)) {
    throw new CheckpointError('the second line is the tree size in decimal, without leading zeros');
  }
  const rootHash = Buffer.from(root ?? '', 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) {
    throw new CheckpointError('the third line is the 32-byte root hash in base64');
  }
  if (extensions.some((line) => line.length === 0)) {
    throw new CheckpointError('a checkpoint has no empty lines');
  }
  const parsed = Number(size);
  if (!Number.isSafeInteger(parsed)) throw new CheckpointError('the tree size is too large');
  return { origin, size: parsed, rootHash, extensions };
};
