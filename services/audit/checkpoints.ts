import { z } from 'zod';
import { checkpointText } from '../../domain/transparency/checkpoint.ts';
import { type NoteSigner, signNote, verifierKey } from '../../domain/transparency/signed-note.ts';
import type { SigningKey } from './signing-key.ts';

/** The audit key as the signer of checkpoints named `origin`. */
export const checkpointSigner = (origin: string, key: SigningKey): NoteSigner => ({
  name: origin,
  privateKey: key.privateKey,
  publicKeyRaw: key.publicKeyRaw,
});

/** What witnesses and clients configure to check the checkpoints: `origin+keyid+base64(key)`. */
export const checkpointVerifierKey = (origin: string, key: SigningKey): string =>
  verifierKey(origin, key.publicKeyRaw);

/**
 * A signed tree head as a c2sp.org/tlog-checkpoint signed note. Ed25519 is
 * deterministic: the same head and key always give the same note.
 */
export const signedCheckpoint = (
  origin: string,
  key: SigningKey,
  head: { treeSize: number; rootHash: string },
): string =>
  signNote(
    checkpointText({
      origin,
      size: head.treeSize,
      rootHash: Buffer.from(head.rootHash, 'hex'),
      extensions: [],
    }),
    [checkpointSigner(origin, key)],
  );

const size = (rule: string) =>
  z.coerce.number().int(rule).min(1, rule).max(Number.MAX_SAFE_INTEGER, rule);

/** `GET /audit/proof?from=N[&to=M]`: the sizes of two heads; `to` the latest when absent. */
export const checkpointProofInput = z.object({
  from: size('must be a tree size of an earlier checkpoint (a whole number ≥ 1)'),
  to: size('must be a tree size (a whole number ≥ 1)').optional(),
});

/** Hex hashes as the checkpoints write them: base64. */
export const base64Hashes = (hashes: readonly string[]): string[] =>
  hashes.map((hash) => Buffer.from(hash, 'hex').toString('base64'));
