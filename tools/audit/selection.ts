import { type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../../domain/merkle/index.ts';
import type { BundleSelection, PositionRuns } from './bundle.ts';
import { publicKeyFromRaw, strictBase64 } from './keys.ts';

/**
 * Tags the signed selection so its bytes can never be read as a tree head's:
 * a head's message has exactly the members keyId, rootHash, signedAt, treeSize.
 */
const selectionKind = 'dubanju-audit-selection/1';

/** Ascending positions as runs of consecutive ones. */
export const toRuns = (positions: readonly number[]): PositionRuns => {
  const runs: PositionRuns = [];
  for (const position of positions) {
    const last = runs[runs.length - 1];
    if (last && position === last[1] + 1) last[1] = position;
    else runs.push([position, position]);
  }
  return runs;
};

/** Whether `runs` is a list of ascending, disjoint, whole-number runs. */
export const wellFormedRuns = (runs: unknown): runs is PositionRuns => {
  if (!Array.isArray(runs)) return false;
  let previous = 0;
  for (const run of runs) {
    if (!Array.isArray(run) || run.length !== 2) return false;
    const [first, last] = run as unknown[];
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return false;
    if ((first as number) <= previous || (last as number) < (first as number)) return false;
    previous = last as number;
  }
  return true;
};

/** The bytes the selection's signature covers: everything it states but the signature. */
export const selectionMessage = (selection: BundleSelection): Buffer => {
  const { signature: _signature, ...stated } = selection;
  return Buffer.from(canonicalJson({ kind: selectionKind, ...stated }), 'utf8');
};

/** Signs the selection with the audit key's private half. */
export const signSelection = (
  selection: BundleSelection,
  privateKey: KeyObject,
): BundleSelection => ({
  ...selection,
  signature: sign(null, selectionMessage(selection), privateKey).toString('base64'),
});

/** Whether the selection carries a signature by `trustedKey` (raw 32 bytes) that verifies. */
export const selectionSignatureHolds = (
  selection: BundleSelection,
  trustedKey: Uint8Array,
): boolean => {
  const signature = strictBase64(selection.signature, 64);
  if (!signature) return false;
  try {
    return verify(null, selectionMessage(selection), publicKeyFromRaw(trustedKey), signature);
  } catch {
    // canonicalJson refuses a selection JSON could not have carried: it does not verify.
    return false;
  }
};

/**
 * Positions the signed runs name that `present` lacks, and positions present that
 * the runs do not name, each ascending. `present` must be ascending.
 */
export const compareWithRuns = (
  runs: PositionRuns,
  present: readonly number[],
): { missing: number[]; extra: number[] } => {
  const missing: number[] = [];
  const extra: number[] = [];
  let i = 0;
  for (const [first, last] of runs) {
    while (i < present.length && present[i]! < first) extra.push(present[i++]!);
    for (let position = first; position <= last; position++) {
      if (present[i] === position) i++;
      else missing.push(position);
    }
  }
  while (i < present.length) extra.push(present[i++]!);
  return { missing, extra };
};
