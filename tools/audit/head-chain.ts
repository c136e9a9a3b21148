import { RAW_KEY_SIZE, strictBase64 } from './keys.ts';
import { type FoundRotation, rotatedKey } from './rotation.ts';
import type { FoundHead } from './scan-log.ts';
import { headKey, treeHeadProblem } from './tree-head.ts';

/** The heads that can be trusted, and what is wrong with the others. */
export interface HeadChain {
  /** Heads whose signature holds under the trusted key, by tree size, one per size. */
  valid: FoundHead[];
  /** Each naming its head. */
  problems: string[];
  /** The key in force last (raw), or null when there was none to hold the heads to. */
  key: Buffer | null;
}

/** How reports name a head found in the log. */
export const nameFoundHead = ({ position, head }: FoundHead): string =>
  `head at position ${position} (tree size ${String(head?.treeSize)})`;

/** Heads given twice (in the log and in a bundle) are one head; any field differing makes two. */
const distinct = (heads: readonly FoundHead[]): FoundHead[] => {
  const seen = new Set<string>();
  return heads.filter((found) => {
    const id = JSON.stringify([found.position, found.head]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

/** A second head signed for the same size with another root is a fork: both are named. */
const forkProblems = (valid: readonly FoundHead[]): string[] => {
  const problems: string[] = [];
  for (let i = 1; i < valid.length; i++) {
    const [a, b] = [valid[i - 1]!, valid[i]!];
    if (a.head.treeSize === b.head.treeSize && a.head.rootHash !== b.head.rootHash) {
      problems.push(`${nameFoundHead(b)}: signs another root than ${nameFoundHead(a)}`);
    }
  }
  return problems;
};

/** A key in force from the position of the rotation to it (0 for the first). */
interface Segment {
  key: Buffer;
  from: number;
}

/**
 * The log's keys from `anchor` on, each rotation followed only if the key in
 * force signed it: a rotation that does not hold is named and the chain stops there.
 */
const followRotations = (
  anchor: Buffer,
  rotations: readonly FoundRotation[],
): { segments: Segment[]; problems: string[] } => {
  const segments: Segment[] = [{ key: anchor, from: 0 }];
  for (const found of [...rotations].sort((a, b) => a.position - b.position)) {
    const next = rotatedKey(found.rotation, segments.at(-1)!.key);
    if ('problem' in next) {
      return {
        segments,
        problems: [`key rotation at position ${found.position}: ${next.problem}`],
      };
    }
    segments.push({ key: next.key, from: found.position });
  }
  return { segments, problems: [] };
};

/** The key in force at `position`: the last one handed on before it. */
const keyAt = (segments: readonly Segment[], position: number): Buffer =>
  segments.filter((segment) => segment.from < position).at(-1)?.key ?? segments[0]!.key;

/**
 * Checks every head against the key in force where it was recorded: the log's
 * first key (its first head's, or the first rotation's old key) handed on by
 * each rotation the key before signed. A trusted key given (the data
 * directory's or a pinned one) must be one of those; otherwise it alone is held
 * to, so that heads re-signed with some other key stand out. Returns the valid
 * heads in tree-size order and the key in force last.
 */
export const checkHeadChain = (
  heads: readonly FoundHead[],
  trustedKey: Buffer | null,
  rotations: readonly FoundRotation[] = [],
): HeadChain => {
  const first = [...heads].sort((a, b) => a.position - b.position)[0];
  const anchor =
    headKey(first?.head) ??
    strictBase64(rotations[0]?.rotation.fromPublicKey, RAW_KEY_SIZE) ??
    trustedKey;
  const followed = anchor ? followRotations(anchor, rotations) : { segments: [], problems: [] };
  const inChain = trustedKey && followed.segments.some(({ key }) => key.equals(trustedKey));
  const { segments, problems } =
    trustedKey && !inChain ? { segments: [{ key: trustedKey, from: 0 }], problems: [] } : followed;
  const valid: FoundHead[] = [];
  for (const found of distinct(heads)) {
    const problem =
      segments.length > 0
        ? treeHeadProblem(found.head, keyAt(segments, found.position))
        : 'no key to verify it with';
    if (problem) problems.push(`${nameFoundHead(found)}: ${problem}`);
    else valid.push(found);
  }
  valid.sort((a, b) => a.head.treeSize - b.head.treeSize);
  problems.push(...forkProblems(valid));
  return { valid, problems, key: segments.at(-1)?.key ?? null };
};
