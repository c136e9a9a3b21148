import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SigningKeyRotation } from '../../contracts/events/audit-events.ts';
import { verifyConsistency } from '../../domain/merkle/tree.ts';
import { type Checkpoint, parseCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { cosignatureLine } from '../../domain/transparency/cosignature.ts';
import {
  cosignatureType,
  type NoteSigner,
  openNote,
  parseVerifierKey,
  verifierKey,
} from '../../domain/transparency/signed-note.ts';
import { rotatedKey } from '../audit/rotation.ts';

/** What a witness run is given. */
export interface WitnessOptions {
  /** The gateway's base URL (`http://host:4000`). */
  logUrl: string;
  /** The log's verifier key (`origin+keyid+base64`), pinned in the state on the first run. */
  logKey?: string;
  /**
   * The witness's own folder: its key, the log's pinned key, the last checkpoint
   * it cosigned (`last-cosigned.note`, with its line), evidence.
   */
  stateDir: string;
  /** The witness's name in its cosignatures (default: its folder's name under `witness.local/`). */
  name?: string;
  /** Seconds since the epoch, for the cosignature (default: now). */
  now?: () => number;
  /** Post the cosigned checkpoint back to the log (default true). */
  post?: boolean;
}

/** What the log answered to the posted cosignature. */
export interface Posted {
  status: number;
  body: string;
}

/** What a run concluded. */
export type WitnessVerdict =
  | {
      status: 'cosigned';
      size: number;
      previousSize: number | null;
      note: string;
      line: string;
      posted: Posted | null;
    }
  | { status: 'refused'; reason: string; evidence: string };

/** Why a run could not even judge: bad options, an unreachable log, a malformed answer. */
export class WitnessInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WitnessInputError';
  }
}

const files = (stateDir: string) => ({
  key: path.join(stateDir, 'witness-key.pem'),
  logKey: path.join(stateDir, 'log.vkey'),
  last: path.join(stateDir, 'last-checkpoint.note'),
  cosigned: path.join(stateDir, 'last-cosigned.note'),
  evidence: path.join(stateDir, 'evidence'),
});

const rawOf = (publicKey: KeyObject): Buffer =>
  Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');

/** The witness's key from its folder, generated (mode 0600) on the first run. */
const witnessKey = (file: string, name: string): NoteSigner => {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
      flag: 'wx',
    });
  }
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  return { name, privateKey, publicKeyRaw: rawOf(createPublicKey(privateKey)) };
};

/** The witness's verifier key, for the log's witness policy and for clients. */
export const witnessVerifierKey = (options: Pick<WitnessOptions, 'stateDir' | 'name'>): string => {
  mkdirSync(options.stateDir, { recursive: true });
  const signer = witnessKey(files(options.stateDir).key, nameOf(options));
  return verifierKey(signer.name, signer.publicKeyRaw, cosignatureType);
};

const nameOf = (options: Pick<WitnessOptions, 'stateDir' | 'name'>): string =>
  options.name ?? `witness.local/${path.basename(path.resolve(options.stateDir))}`;

const fetchText = async (url: string): Promise<string> => {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new WitnessInputError(`${url}: ${(error as Error).message}`);
  }
  const body = await response.text();
  if (!response.ok) throw new WitnessInputError(`${url}: HTTP ${response.status} ${body.trim()}`);
  return body;
};

/** Posts the cosigned checkpoint to the log; what it answered (a failure does not undo the cosignature). */
const postBack = async (url: string, note: string): Promise<Posted> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: note,
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: (error as Error).message };
  }
};

/** The checkpoint a signed note says, and its text, once the pinned log key verifies it. */
const opened = (note: string, logKey: string): Checkpoint & { text: string } => {
  const verifier = parseVerifierKey(logKey);
  const { text } = openNote(note, [verifier]);
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== verifier.name) {
    throw new WitnessInputError(
      `the checkpoint's origin ${checkpoint.origin} is not the key's ${verifier.name}`,
    );
  }
  return { ...checkpoint, text };
};

/**
 * The log's verifier key after following its key rotations from `logKey`:
 * each rotation must be signed by the key in force (fetched from the log, but
 * checked here against the key this witness pinned). Null when none leads on.
 */
const followRotations = async (base: string, logKey: string): Promise<string | null> => {
  const answer = JSON.parse(await fetchText(`${base}/audit/keys`)) as {
    rotations?: SigningKeyRotation[];
  };
  const verifier = parseVerifierKey(logKey);
  let key = verifier.publicKeyRaw;
  for (const rotation of answer.rotations ?? []) {
    if (rotation.fromPublicKey !== key.toString('base64')) continue;
    const next = rotatedKey(rotation, key);
    if ('problem' in next) {
      throw new WitnessInputError(`the log's key rotation to ${rotation.toKeyId}: ${next.problem}`);
    }
    key = next.key;
  }
  return key.equals(verifier.publicKeyRaw) ? null : verifierKey(verifier.name, key);
};

/** Keeps what a refusal rests on, for anyone to check: both signed notes, and the proof. */
const keepEvidence = (stateDir: string, record: Record<string, unknown>, now: number): string => {
  const dir = files(stateDir).evidence;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${now}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
};

/**
 * One round of a witness (c2sp.org/tlog-witness semantics, run by the
 * inspector on a machine the operator does not control): fetch the log's
 * latest checkpoint, verify its signature with the pinned log key, verify it
 * extends the last checkpoint this witness cosigned (a consistency proof from
 * the log, checked here), and only then cosign it and remember it. A smaller
 * tree, another root at the same size or a proof that does not hold is
 * refused: both signed notes are kept as evidence of the fork (the log's own
 * key signed both, which anyone can check), and nothing is cosigned.
 */
export const witnessOnce = async (options: WitnessOptions): Promise<WitnessVerdict> => {
  const state = files(options.stateDir);
  mkdirSync(options.stateDir, { recursive: true });
  const pinned = existsSync(state.logKey) ? readFileSync(state.logKey, 'utf8').trim() : null;
  if (pinned !== null && options.logKey !== undefined && options.logKey !== pinned) {
    throw new WitnessInputError(`the log key given is not the one pinned in ${state.logKey}`);
  }
  const pinnedKey = pinned ?? options.logKey;
  if (pinnedKey === undefined) {
    throw new WitnessInputError('give the log key (--log-key) on the first run');
  }
  const now = Math.floor((options.now ?? (() => Date.now() / 1000))());
  const base = options.logUrl.replace(/\/+$/, '');
  const note = await fetchText(`${base}/audit/checkpoint`);
  // A checkpoint the pinned key does not sign may be the next key's, handed on by a
  // rotation the pinned key signed: then the witness follows and pins the new key.
  let logKey = pinnedKey;
  let checkpoint: Checkpoint & { text: string };
  try {
    checkpoint = opened(note, pinnedKey);
  } catch (error) {
    const next = await followRotations(base, pinnedKey);
    if (next === null) throw error;
    checkpoint = opened(note, next);
    logKey = next;
  }
  if (logKey !== pinned) writeFileSync(state.logKey, `${logKey}\n`);

  const lastNote = existsSync(state.last) ? readFileSync(state.last, 'utf8') : null;
  const last = lastNote === null ? null : opened(lastNote, pinnedKey);
  const refuse = (reason: string, proof: string[] | null): WitnessVerdict => ({
    status: 'refused',
    reason,
    evidence: keepEvidence(
      options.stateDir,
      { reason, logKey, cosigned: lastNote, served: note, proof },
      now,
    ),
  });
  if (last !== null) {
    if (checkpoint.size < last.size) {
      return refuse(
        `the log shrank: size ${checkpoint.size} after ${last.size} was cosigned`,
        null,
      );
    }
    if (checkpoint.size === last.size && !checkpoint.rootHash.equals(last.rootHash)) {
      return refuse(`two roots for size ${last.size}: the log was rewritten`, null);
    }
    if (checkpoint.size > last.size) {
      const answer = JSON.parse(
        await fetchText(`${base}/audit/proof?from=${last.size}&to=${checkpoint.size}`),
      ) as { proof?: unknown };
      const proof = Array.isArray(answer.proof) ? answer.proof.map(String) : [];
      const hashes = proof.map((hash) => Buffer.from(hash, 'base64'));
      if (
        !verifyConsistency(last.size, checkpoint.size, hashes, last.rootHash, checkpoint.rootHash)
      ) {
        return refuse(
          `size ${checkpoint.size} does not extend the cosigned size ${last.size}: the log was rewritten before position ${last.size + 1}`,
          proof,
        );
      }
    }
  }
  const line = cosignatureLine(checkpoint.text, witnessKey(state.key, nameOf(options)), now);
  writeFileSync(state.last, note);
  // What audit:check --checkpoint takes: the log's note with this witness's line.
  writeFileSync(state.cosigned, `${note}${line}`);
  const posted =
    options.post === false ? null : await postBack(`${base}/audit/cosignature`, `${note}${line}`);
  return {
    status: 'cosigned',
    size: checkpoint.size,
    previousSize: last?.size ?? null,
    note,
    line,
    posted,
  };
};
