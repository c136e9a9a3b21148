import { canonicalJson } from './canonical-json.ts';
import { ed25519Verifies } from './ed25519.ts';
import type { Bytes } from './hashes.ts';
import { digest, fromBase64, fromHex, sameBytes, toHex } from './hashes.ts';
import { rootFromInclusion } from './inclusion.ts';
import { matchingStoredEvent } from './stored-event.ts';
import type { AuditEvent, AuditKey, InclusionProof, TreeHead } from './types.ts';

/** The checks, in the order they build on each other. */
export type Step = 'leaf' | 'path' | 'root' | 'key' | 'signature';

export interface Verdict {
  ok: boolean;
  steps: { step: Step; ok: boolean }[];
}

/** Key ids are the first 16 hex digits of SHA-256 of the raw public key. */
const keyIdOf = async (raw: Uint8Array) => toHex(await digest(raw)).slice(0, 16);

/**
 * The bytes a head's signature covers: canonical JSON of keyId, legacyUpTo
 * (when the head says it), rootHash, signedAt, treeSize.
 */
const headMessage = (head: TreeHead) =>
  new TextEncoder().encode(
    canonicalJson({
      keyId: head.keyId,
      ...(head.legacyUpTo == null ? {} : { legacyUpTo: head.legacyUpTo }),
      rootHash: head.rootHash,
      signedAt: head.signedAt,
      treeSize: head.treeSize,
    }),
  );

const base64OrNull = (text: string): Bytes | null => {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
};

/**
 * Is the head signed, with Ed25519, by the published audit key it names?
 * Throws when the browser cannot check the signature (see `ed25519Verifies`).
 */
const headSignedBy = async (
  head: TreeHead,
  key: AuditKey,
): Promise<{ key: boolean; signature: boolean }> => {
  const raw = fromBase64(key.publicKey);
  const named =
    head.publicKey === key.publicKey &&
    head.keyId === key.keyId &&
    (await keyIdOf(raw)) === key.keyId;
  const signature = base64OrNull(head.signature);
  return {
    key: named,
    signature: signature !== null && (await ed25519Verifies(raw, signature, headMessage(head))),
  };
};

/**
 * Whether the proof's leaf index is one the log allows for this event. The index
 * comes from the server, which this check does not trust: the proof shows the
 * leaf, whose hash covers the event's position and content, at that index in the
 * signed tree. Leaves are numbered 0, 1, 2… in log order while positions start
 * at 1 and strictly increase, with gaps on some stores: so the event at leaf i
 * stands at position i + 1 or later, and a tree of n leaves ends at leaf n − 1.
 * The history, when it names the event's leaf, must name the same one.
 */
export const leafIndexFits = (event: AuditEvent, proof: InclusionProof): boolean =>
  Number.isSafeInteger(proof.leafIndex) &&
  proof.leafIndex >= 0 &&
  proof.leafIndex <= event.position - 1 &&
  proof.leafIndex < proof.treeSize &&
  (event.leafIndex == null || event.leafIndex === proof.leafIndex);

const rootOfProof = async (event: AuditEvent, proof: InclusionProof): Promise<string | null> => {
  if (!leafIndexFits(event, proof)) return null;
  try {
    const root = await rootFromInclusion(
      fromHex(event.leafHash),
      proof.leafIndex,
      proof.treeSize,
      proof.proof.map(fromHex),
    );
    return root ? toHex(root) : null;
  } catch {
    return null;
  }
};

/**
 * Verifies in the browser that an event is in the signed log: its content hashes
 * to its leaf, the inclusion proof leads from that leaf, at a leaf index the log
 * allows for the event's position (see `leafIndexFits`), to a root, the root is the
 * signed head's, the head names the published key, and the key's Ed25519 signature
 * over the head holds. Every step is reported; the verdict holds only if all do.
 * Rejects, rather than answer "not verified", when the browser cannot check.
 */
export const verifyEvent = async (
  event: AuditEvent,
  proof: InclusionProof,
  head: TreeHead,
  key: AuditKey,
): Promise<Verdict> => {
  const leaf = (await matchingStoredEvent(event)) !== null && proof.leafHash === event.leafHash;
  const root = await rootOfProof(event, proof);
  const headRoot =
    root !== null &&
    proof.treeSize === head.treeSize &&
    sameBytes(fromHex(root), fromHex(head.rootHash));
  const signed = await headSignedBy(head, key);
  const steps = [
    { step: 'leaf' as const, ok: leaf },
    { step: 'path' as const, ok: root !== null },
    { step: 'root' as const, ok: headRoot },
    { step: 'key' as const, ok: signed.key },
    { step: 'signature' as const, ok: signed.signature },
  ];
  return { ok: steps.every((s) => s.ok), steps };
};
