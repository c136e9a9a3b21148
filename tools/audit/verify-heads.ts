import { HASH_SIZE, verifyConsistency } from '../../domain/merkle/index.ts';
import type { BundleConsistency, BundleHead, BundleHeader } from './bundle.ts';
import { hashList } from './hex.ts';
import { strictHex } from './keys.ts';
import { treeHeadProblem } from './tree-head.ts';

/** How reports name a head: by the position of its event and the size it covers. */
export const nameHead = (head: Partial<BundleHead>): string =>
  `head at position ${String(head.position)} (tree size ${String(head.treeSize)})`;

/** Anything in a heads list that is not an object reads as an empty one: every check fails it. */
const asHeads = (heads: readonly unknown[]): BundleHead[] =>
  heads.map((head) => (typeof head === 'object' && head !== null ? head : {}) as BundleHead);

const rootOf = (head: BundleHead): Buffer | undefined => strictHex(head.rootHash, HASH_SIZE);

/** Signature, key and order of every head; each problem names its head. */
const headProblems = (heads: readonly BundleHead[], trustedKey: Uint8Array): string[] => {
  const problems: string[] = [];
  heads.forEach((head, i) => {
    const problem = treeHeadProblem(head, trustedKey);
    if (problem) problems.push(`${nameHead(head)}: ${problem}`);
    const before = heads[i - 1];
    if (before && !(head.treeSize > before.treeSize)) {
      problems.push(
        `${nameHead(head)}: must cover more leaves than the head before it (tree size ${before.treeSize})`,
      );
    }
  });
  return problems;
};

const consistencyProblem = (
  from: BundleHead,
  to: BundleHead,
  entry: BundleConsistency | undefined,
): string | null => {
  if (typeof entry !== 'object' || entry === null) entry = undefined;
  const name = `consistency from tree size ${from.treeSize} to ${to.treeSize}`;
  if (!entry || entry.fromSize !== from.treeSize || entry.toSize !== to.treeSize) {
    return `${name}: no proof in the bundle`;
  }
  const proof = hashList(entry.proof);
  const root1 = rootOf(from);
  const root2 = rootOf(to);
  if (!proof || !root1 || !root2) return `${name}: malformed proof or root`;
  return verifyConsistency(from.treeSize, to.treeSize, proof, root1, root2)
    ? null
    : `${name}: proof does not verify (the later head does not extend the earlier one)`;
};

/** Problems with `bundle.head`: it must be the latest of the signed heads. */
const targetProblem = (heads: readonly BundleHead[], head: BundleHead): string | null => {
  const latest = heads[heads.length - 1];
  const same =
    latest &&
    latest.position === head.position &&
    latest.treeSize === head.treeSize &&
    latest.rootHash === head.rootHash &&
    latest.signature === head.signature;
  return same ? null : `head: ${nameHead(head)} is not the latest of the bundle's signed heads`;
};

/**
 * Everything wrong with the bundle's heads: each signature under the trusted key,
 * their order, the consistency proof between each consecutive pair, and that the
 * proofs' target is the latest. Empty when the chain of heads holds.
 */
export const verifyHeads = (bundle: BundleHeader, trustedKey: Uint8Array): string[] => {
  const heads = asHeads(bundle.heads);
  if (heads.length === 0) return ['heads: the bundle holds no signed head'];
  const problems = headProblems(heads, trustedKey);
  for (let i = 1; i < heads.length; i++) {
    const problem = consistencyProblem(heads[i - 1]!, heads[i]!, bundle.consistency[i - 1]);
    if (problem) problems.push(problem);
  }
  const target = targetProblem(heads, bundle.head);
  if (target) problems.push(target);
  return problems;
};
