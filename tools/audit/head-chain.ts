import type { FoundHead } from './scan-log.ts';
import { headKey, treeHeadProblem } from './tree-head.ts';

/** The heads that can be trusted, and what is wrong with the others. */
export interface HeadChain {
  /** Heads whose signature holds under the trusted key, by tree size, one per size. */
  valid: FoundHead[];
  /** Each naming its head. */
  problems: string[];
  /** The key the heads were held to (raw), or null when there was none to hold them to. */
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

/**
 * Checks every head against the trusted key: the one given (the data directory's
 * or a pinned one), else the key of the first head, so that a head re-signed with
 * some other key stands out. Returns the valid heads in tree-size order.
 */
export const checkHeadChain = (
  heads: readonly FoundHead[],
  trustedKey: Buffer | null,
): HeadChain => {
  const key = trustedKey ?? headKey(heads[0]?.head) ?? null;
  const problems: string[] = [];
  const valid: FoundHead[] = [];
  for (const found of distinct(heads)) {
    const problem = key ? treeHeadProblem(found.head, key) : 'no key to verify it with';
    if (problem) problems.push(`${nameFoundHead(found)}: ${problem}`);
    else valid.push(found);
  }
  valid.sort((a, b) => a.head.treeSize - b.head.treeSize);
  problems.push(...forkProblems(valid));
  return { valid, problems, key };
};
