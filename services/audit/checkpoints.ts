import { z } from 'zod';
import { forbidden, validationError } from '../../contracts/errors.ts';
import type { TreeHeadCosignature } from '../../contracts/events/index.ts';
import { checkpointText, parseCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { cosignatureTime } from '../../domain/transparency/cosignature.ts';
import {
  type NoteSigner,
  parseVerifierKey,
  signNote,
  splitNote,
  verifierKey,
} from '../../domain/transparency/signed-note.ts';
import type { SigningKey } from '../../infra/keys/signing-key.ts';

/** The audit key as the signer of checkpoints named `origin`. */
export const checkpointSigner = (origin: string, key: SigningKey): NoteSigner => ({
  name: origin,
  privateKey: key.privateKey,
  publicKeyRaw: key.publicKeyRaw,
});

/** What witnesses and clients configure to check the checkpoints: `origin+keyid+base64(key)`. */
export const checkpointVerifierKey = (origin: string, key: SigningKey): string =>
  verifierKey(origin, key.publicKeyRaw);

/** The checkpoint text (c2sp.org/tlog-checkpoint) of a signed tree head of the log `origin`. */
export const checkpointTextOf = (
  origin: string,
  head: { treeSize: number; rootHash: string },
): string =>
  checkpointText({
    origin,
    size: head.treeSize,
    rootHash: Buffer.from(head.rootHash, 'hex'),
    extensions: [],
  });

/**
 * A signed tree head as a c2sp.org/tlog-checkpoint signed note. Ed25519 is
 * deterministic: the same head and key always give the same note.
 */
export const signedCheckpoint = (
  origin: string,
  key: SigningKey,
  head: { treeSize: number; rootHash: string },
): string => signNote(checkpointTextOf(origin, head), [checkpointSigner(origin, key)]);

/** The tree size a posted note's checkpoint names; VALIDATION naming `note` when it is not one. */
export const postedSize = (note: string): number => {
  try {
    return parseCheckpoint(splitNote(note).text).size;
  } catch (error) {
    throw validationError('note', `must be a cosigned checkpoint: ${(error as Error).message}`);
  }
};

const size = (rule: string) =>
  z.coerce.number().int(rule).min(1, rule).max(Number.MAX_SAFE_INTEGER, rule);

/** `GET /audit/proof?from=N[&to=M]`: the sizes of two heads; `to` the latest when absent. */
export const checkpointProofInput = z.object({
  from: size('must be a tree size of an earlier checkpoint (a whole number ≥ 1)'),
  to: size('must be a tree size (a whole number ≥ 1)').optional(),
});

/** `POST /audit/cosignature`: a witness's cosigned checkpoint note. */
export const cosignatureInput = z.object({
  note: z.string().min(1, 'must be a cosigned checkpoint').max(16_384, 'must be at most 16 KiB'),
});

/** Hex hashes as the checkpoints write them: base64. */
export const base64Hashes = (hashes: readonly string[]): string[] =>
  hashes.map((hash) => Buffer.from(hash, 'hex').toString('base64'));

/** A head's witnesses as the checkpoint reports them, and whether they make it witnessed. */
export const witnessesOf = (
  cosignatures: readonly TreeHeadCosignature[],
  policy: { keys: readonly string[]; quorum: number },
) => {
  const configured = new Set(
    policy.keys.map((key) => {
      const { name, keyId } = parseVerifierKey(key);
      return `${name}/${keyId.toString(16).padStart(8, '0')}`;
    }),
  );
  const counted = new Set(
    cosignatures
      .map((cosignature) => `${cosignature.witness}/${cosignature.keyId}`)
      .filter((key) => configured.has(key)),
  );
  return {
    witnesses: cosignatures.map(({ witness, timestamp }) => ({ witness, timestamp })),
    witnessed: policy.keys.length > 0 && counted.size >= policy.quorum,
  };
};

/** The note of a head with its witnesses' cosignature lines after the log's own. */
export const withCosignatures = (
  note: string,
  cosignatures: readonly TreeHeadCosignature[],
): string =>
  note +
  cosignatures.map((cosignature) => `— ${cosignature.witness} ${cosignature.signature}\n`).join('');

/**
 * The cosignatures a witness posted (a checkpoint note with its signature
 * lines) that configured witnesses made over exactly `expectedText` (this
 * log's checkpoint of the head): each verified; a line of a configured
 * witness that does not hold refuses the whole note.
 */
export const postedCosignatures = (
  note: string,
  expectedText: string,
  keys: readonly string[],
): Omit<TreeHeadCosignature, 'treeSize' | 'rootHash'>[] => {
  const { text, signatures } = splitNote(note);
  if (text !== expectedText) {
    throw validationError(
      'note',
      "must be this log's checkpoint of that head, with the cosignature lines",
    );
  }
  const witnesses = keys.map(parseVerifierKey);
  const found: Omit<TreeHeadCosignature, 'treeSize' | 'rootHash'>[] = [];
  for (const signature of signatures) {
    const witness = witnesses.find(
      (key) => key.name === signature.name && key.keyId === signature.keyId,
    );
    if (witness === undefined) continue;
    const timestamp = cosignatureTime(text, signature, witness);
    if (timestamp === null) {
      throw validationError('note', `the cosignature of ${witness.name} does not hold`);
    }
    found.push({
      witness: witness.name,
      keyId: witness.keyId.toString(16).padStart(8, '0'),
      timestamp,
      signature: signature.encoded,
    });
  }
  if (found.length === 0) {
    throw forbidden('no cosignature of a configured witness (AUDIT_WITNESS_KEYS)');
  }
  return found;
};
