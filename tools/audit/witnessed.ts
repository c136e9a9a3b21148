import { readFileSync } from 'node:fs';
import { rootHash, type SubtreeSource } from '../../domain/merkle/index.ts';
import { parseCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { cosignatureTime } from '../../domain/transparency/cosignature.ts';
import { openNote, parseVerifierKey, splitNote } from '../../domain/transparency/signed-note.ts';

/** What checking the log against a witnessed checkpoint found. */
export interface WitnessedVerdict {
  ok: boolean;
  lines: string[];
}

/** The witnesses of `witnessKeys` whose cosignature in the note holds over its text, by name. */
const cosigners = (note: string, text: string, witnessKeys: readonly string[]): string[] => {
  const { signatures } = splitNote(note);
  return witnessKeys
    .map(parseVerifierKey)
    .filter((witness) =>
      signatures.some((signature) => cosignatureTime(text, signature, witness) !== null),
    )
    .map((witness) => witness.name);
};

/** The keys a witnessed checkpoint is checked with. */
export interface WitnessKeys {
  logKey: string;
  witnessKeys: readonly string[];
  quorum: number;
}

/**
 * A checkpoint the log's key signed and at least `quorum` of `witnessKeys`
 * cosigned: its size and root and who cosigned it, or why it does not count.
 */
const witnessedCheckpoint = (note: string, keys: WitnessKeys) => {
  const text = openNote(note, [parseVerifierKey(keys.logKey)]).text;
  const checkpoint = parseCheckpoint(text);
  const by = cosigners(note, text, keys.witnessKeys);
  const name = `the witnessed checkpoint of size ${checkpoint.size}`;
  const refusal =
    by.length < keys.quorum
      ? `${name} is cosigned by ${by.length} of the witnesses given, fewer than the quorum ${keys.quorum}`
      : null;
  return { checkpoint, name, witnesses: `cosigned by ${by.join(', ')}`, refusal };
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
  keys: WitnessKeys,
): WitnessedVerdict => {
  const { checkpoint, name, witnesses, refusal } = witnessedCheckpoint(note, keys);
  if (refusal) return { ok: false, lines: [refusal] };
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

/**
 * A bundle's signed heads against a checkpoint the witnesses cosigned: the
 * bundle must hold the head of that size, with that root (the witnesses
 * cosign the log's signed heads, and the bundle proves its heads consistent
 * with each other). A bundle exported before that head cannot show it.
 */
export const checkBundleWitnessed = (
  heads: readonly { treeSize: number; rootHash: string }[],
  note: string,
  keys: WitnessKeys,
): WitnessedVerdict => {
  const { checkpoint, name, witnesses, refusal } = witnessedCheckpoint(note, keys);
  if (refusal) return { ok: false, lines: [refusal] };
  const head = heads.find((candidate) => candidate.treeSize === checkpoint.size);
  if (head === undefined) {
    const latest = heads.reduce((size, candidate) => Math.max(size, candidate.treeSize), 0);
    return {
      ok: false,
      lines: [
        latest < checkpoint.size
          ? `the bundle's heads end at size ${latest}, before ${name}: export the bundle again`
          : `the bundle holds no head of size ${checkpoint.size}, the size of ${name}`,
      ],
    };
  }
  if (!Buffer.from(head.rootHash, 'hex').equals(checkpoint.rootHash)) {
    return {
      ok: false,
      lines: [
        `the bundle's head of size ${checkpoint.size} has another root than ${name} (${witnesses}): the log was rewritten`,
      ],
    };
  }
  return {
    ok: true,
    lines: [`The bundle's head of size ${checkpoint.size} is ${name}, ${witnesses}.`],
  };
};

/** The command-line options of a witnessed checkpoint, as audit:check and audit:verify take them. */
export interface WitnessedOptions {
  checkpoint?: string | undefined;
  'log-key'?: string | undefined;
  'witness-key'?: string[] | undefined;
  quorum?: string | undefined;
}

/** The checkpoint file and keys asked for, or null when `--checkpoint` is absent; throws on bad input. */
export const witnessedArguments = (
  values: WitnessedOptions,
): { note: string; keys: WitnessKeys } | null => {
  if (values.checkpoint === undefined) return null;
  const witnessKeys = values['witness-key'] ?? [];
  const logKey = values['log-key'];
  if (logKey === undefined || witnessKeys.length === 0) {
    throw new Error('--checkpoint needs --log-key and at least one --witness-key');
  }
  const quorum = Number(values.quorum ?? witnessKeys.length);
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > witnessKeys.length) {
    throw new Error(`--quorum must be a whole number from 1 to ${witnessKeys.length}`);
  }
  return { note: readFileSync(values.checkpoint, 'utf8'), keys: { logKey, witnessKeys, quorum } };
};
