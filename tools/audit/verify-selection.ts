import type { BundleHead, BundleSelection, PositionRuns } from './bundle.ts';
import { namePositions } from './hex.ts';
import { keyIdOf } from './keys.ts';
import { compareWithRuns, selectionSignatureHolds, toRuns, wellFormedRuns } from './selection.ts';

/** What the selection check found, and whether the selection was signed. */
export interface SelectionOutcome {
  problems: string[];
  signed: boolean;
}

const runsTotal = (runs: PositionRuns): number =>
  runs.reduce((total, [first, last]) => total + last - first + 1, 0);

/** The statements of the selection that disagree with the head it claims. */
const statementProblems = (
  selection: BundleSelection,
  head: BundleHead,
  trustedKey: Uint8Array,
): string[] => {
  const problems: string[] = [];
  if (selection.treeSize !== head.treeSize || selection.rootHash !== head.rootHash) {
    problems.push(
      `selection: made for the tree of size ${String(selection.treeSize)}, not the head's ${head.treeSize}`,
    );
  }
  if (selection.keyId !== keyIdOf(trustedKey)) {
    problems.push(`selection: names key ${String(selection.keyId)}, not ${keyIdOf(trustedKey)}`);
  }
  if (!wellFormedRuns(selection.positions)) {
    problems.push('selection: positions must be ascending, disjoint [first, last] runs');
  } else if (runsTotal(selection.positions) !== selection.count) {
    problems.push(`selection: count ${String(selection.count)} disagrees with its positions`);
  }
  return problems;
};

/** Every event the signed selection lists and the bundle lacks, or holds and it does not list. */
const membershipProblems = (runs: PositionRuns, present: readonly number[]): string[] => {
  const { missing, extra } = compareWithRuns(runs, present);
  return [
    ...toRuns(missing).map(
      (run) =>
        `${namePositions(run)}: missing from the bundle, though the signed selection lists ${run[0] === run[1] ? 'it' : 'them'}`,
    ),
    ...toRuns(extra).map((run) => `${namePositions(run)}: not in the signed selection`),
  ];
};

/**
 * Checks the selection: its signature by the trusted key (an unsigned one only
 * when `allowUnsigned`), that it speaks of this head, and that the bundle holds
 * exactly the positions it lists: an event taken out, or slipped in, is named.
 */
export const verifySelection = (
  selection: BundleSelection,
  head: BundleHead,
  trustedKey: Uint8Array,
  present: readonly number[],
  allowUnsigned: boolean,
): SelectionOutcome => {
  const unsigned = selection.signature === undefined;
  if (unsigned && !allowUnsigned) {
    return {
      problems: [
        'selection: not signed, so an event taken out of the bundle would go unnoticed (--allow-unsigned-selection accepts that)',
      ],
      signed: false,
    };
  }
  const problems = statementProblems(selection, head, trustedKey);
  if (!unsigned && !selectionSignatureHolds(selection, trustedKey)) {
    problems.push('selection: signature does not verify');
  }
  if (wellFormedRuns(selection.positions)) {
    problems.push(...membershipProblems(selection.positions, present));
  }
  return { problems, signed: !unsigned };
};
