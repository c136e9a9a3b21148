import type { AuditBundle, BundleHeader, BundleSelection } from './bundle.ts';
import { keyIdOf, RAW_KEY_SIZE, strictBase64 } from './keys.ts';
import { eventChecker } from './verify-events.ts';
import { verifyHeads } from './verify-heads.ts';
import { verifySelection } from './verify-selection.ts';

export interface VerifyOptions {
  /** A raw public key known out of band: the bundle must be signed by it. */
  pinnedKey?: Uint8Array;
  /** Accept a selection without a signature (completeness then cannot be shown). */
  allowUnsignedSelection?: boolean;
}

/** The verdict on a bundle: every failure names a position or a head. */
export interface VerifyReport {
  ok: boolean;
  failures: string[];
  eventsVerified: number;
  heads: number;
  treeSize: number;
  keyId: string;
  selectionSigned: boolean;
  /** Events the bundle gives no leaf index (an older bundle): each was taken at position − 1. */
  assumedLeafIndexes: number;
}

/** The key everything must be signed with: the pinned one when given, else the bundle's own. */
const trustedKeyOf = (
  bundle: BundleHeader,
  pinned: Uint8Array | undefined,
): { key: Uint8Array; problems: string[] } => {
  const problems: string[] = [];
  const { publicKey } = bundle;
  const own = strictBase64(publicKey.publicKey, RAW_KEY_SIZE);
  if (publicKey.algorithm !== 'Ed25519') problems.push('publicKey: algorithm must be Ed25519');
  if (!own) problems.push('publicKey: must be base64 of a raw 32-byte Ed25519 key');
  else if (publicKey.keyId !== keyIdOf(own)) {
    problems.push(`publicKey: keyId ${String(publicKey.keyId)} does not name the key`);
  }
  if (pinned && own && !own.equals(Buffer.from(pinned))) {
    problems.push(
      `publicKey: the bundle's key ${keyIdOf(own)} is not the pinned key ${keyIdOf(pinned)}`,
    );
  }
  // With no usable key, 32 zero bytes: no head can name it, so every signature fails.
  return { key: pinned ?? own ?? Buffer.alloc(RAW_KEY_SIZE), problems };
};

/**
 * Verifies a bundle offline as it is read, with nothing but the bundle (and
 * optionally a pinned key): every head's signature and the consistency proof
 * between consecutive heads at once, then each event as it comes (its leaf hash
 * recomputed from its canonical bytes, its inclusion proof to the latest head),
 * and at `finish` the order of the events and the signed selection.
 */
export const startVerification = (header: BundleHeader, options: VerifyOptions = {}) => {
  const trusted = trustedKeyOf(header, options.pinnedKey);
  const heads = verifyHeads(header, trusted.key);
  const events = eventChecker(header.head);
  return {
    event: events.add,
    finish(selection: BundleSelection): VerifyReport {
      const checked = events.finish();
      const chosen = verifySelection(
        selection,
        header.head,
        trusted.key,
        checked.positions,
        options.allowUnsignedSelection ?? false,
      );
      const failures = [...trusted.problems, ...heads, ...checked.problems, ...chosen.problems];
      return {
        ok: failures.length === 0,
        failures,
        eventsVerified: checked.verified,
        heads: header.heads.length,
        treeSize: header.head.treeSize,
        keyId: keyIdOf(trusted.key),
        selectionSigned: chosen.signed,
        assumedLeafIndexes: checked.assumedLeafIndexes,
      };
    },
  };
};

/** Verifies a bundle held in memory whole: see `startVerification`. */
export const verifyBundle = (bundle: AuditBundle, options: VerifyOptions = {}): VerifyReport => {
  const verification = startVerification(bundle, options);
  for (const event of bundle.events) verification.event(event);
  return verification.finish(bundle.selection);
};
