import { rootHash, type SubtreeSource } from '../../domain/merkle/index.ts';
import { parseCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { verifyCosignature } from '../../domain/transparency/cosignature.ts';
import { openNote, parseVerifierKey } from '../../domain/transparency/signed-note.ts';

/** What checking the log against a witnessed checkpoint found. */
export interface WitnessedVerdict {
  ok: boolean;
  lines: string[];
}

/** The cosignatures of the note's lines by `witnessKeys` that hold over its text, by witness name. */
const cosigners = (note: string, text: string, witnessKeys: readonly string[]): string[] => {
  const lines = note
    .slice(note.lastIndexOf('\n\n') + 2)
    .split('\n')
    .filter((line) => line !== '');
  const witnesses = witnessKeys.map(parseVerifierKey);
  return witnesses
    .filter((witness) => lines.some((line) => verifyCosignature(text, line, witness) !== null))
    .map((witness) => witness.name);
};

/**
 * The log recomputed from the store against a checkpoint the witnesses
 * cosigned (kept by a witness, on a machine the operator does not control):
 * the log's key must have signed it, at least `quorum` of `witnessKeys` must
 * have cosigned it, and the log's tree of that size must have its root. An
 * insider who rewrote the log and re-signed every head still fails here: the
 * witnesses' checkpoint holds the root they saw.
 */
export const checkWitnessed = (
  log: SubtreeSource,
  note: string,
  keys: { logKey: string; witnessKeys: readonly string[]; quorum: number },
): WitnessedVerdict => {
  const text = openNote(note, [parseVerifierKey(keys.logKey)]).text;
  const checkpoint = parseCheckpoint(text);
  const by = cosigners(note, text, keys.witnessKeys);
  const name = `the witnessed checkpoint of size ${checkpoint.size}`;
  if (by.length < keys.quorum) {
    return {
      ok: false,
      lines: [
        `${name} is cosigned by ${by.length} of the witnesses given, fewer than the quorum ${keys.quorum}`,
      ],
    };
  }
  const witnesses = `cosigned by ${by.join(', ')}`;
  if (log.size < checkpoint.size) {
    return {
      ok: false,
      lines: [
        `${name} (${witnesses}) is larger than the log of ${log.size}: the log lost its tail after position ${log.size}`,
      ],
    };
  }
  if (!rootHash(log, checkpoint.size).equals(checkpoint.rootHash)) {
    return {
      ok: false,
      lines: [
        `the log does not match ${name} (${witnesses}): an event at or before position ${checkpoint.size} was changed, removed or inserted`,
      ],
    };
  }
  return { ok: true, lines: [`The log matches ${name}, ${witnesses}.`] };
};
