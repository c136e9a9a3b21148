import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config.ts';

/** The audit service's Ed25519 key, as it signs and as it is published. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key. */
  publicKeyRaw: Buffer;
  /** First 16 hex characters of SHA-256 of the raw public key. */
  keyId: string;
  /** The public key as PEM (SPKI), for tools that want a file. */
  publicKeyPem: string;
}

/** The variable naming the key file: start-up refusals name it. */
export const signingKeyVariable = 'AUDIT_SIGNING_KEY_FILE';

/** The key id of a raw Ed25519 public key. */
export const keyIdOf = (publicKeyRaw: Uint8Array): string =>
  createHash('sha256').update(publicKeyRaw).digest('hex').slice(0, 16);

/** The raw 32 bytes of an Ed25519 public key (the JWK `x` member). */
export const rawPublicKey = (publicKey: KeyObject): Buffer =>
  Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');

/** An Ed25519 public key from its raw 32 bytes. */
export const publicKeyFromRaw = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });

/** Everything published and used about a private key. */
export const signingKeyOf = (privateKey: KeyObject): SigningKey => {
  const publicKey = createPublicKey(privateKey);
  const publicKeyRaw = rawPublicKey(publicKey);
  return {
    privateKey,
    publicKey,
    publicKeyRaw,
    keyId: keyIdOf(publicKeyRaw),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
};

const refuse = (file: string, why: string, variable = signingKeyVariable): ConfigError =>
  new ConfigError(`${variable}=${file}: ${why}`);

const parse = (file: string, pem: string, variable = signingKeyVariable): SigningKey => {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw refuse(file, 'is not a PEM private key (expected Ed25519, PKCS#8)', variable);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw refuse(file, `holds a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`, variable);
  }
  return signingKeyOf(key);
};

/**
 * Writes a new key file, readable by its owner only; false when another
 * process created it first (then theirs is the one to use). The content is
 * written to a file of its own first and then linked in under the name, so a
 * process starting beside this one reads the whole key or no file, never an
 * empty or half-written one; the link fails if the name exists, so two
 * processes never replace each other's key.
 */
export const createKeyFile = (file: string, content: string): boolean => {
  mkdirSync(path.dirname(file), { recursive: true });
  const written = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
  writeFileSync(written, content, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(written, 0o600);
    linkSync(written, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(written, { force: true });
  }
  return true;
};

const generate = (file: string): SigningKey | null => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return createKeyFile(file, pem) ? signingKeyOf(privateKey) : null;
};

/**
 * The signing key from `file` (PEM, PKCS#8), generated there on first start,
 * readable by the owner only. A file that exists but holds anything other than
 * an Ed25519 private key stops start-up, naming the variable: silently replacing
 * it would orphan every head signed so far.
 */
export const loadOrCreateSigningKey = (file: string, variable = signingKeyVariable): SigningKey => {
  try {
    return parse(file, readFileSync(file, 'utf8'), variable);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return generate(file) ?? parse(file, readFileSync(file, 'utf8'), variable);
};

/** Where the key must not be in production, and whether this is production. */
export interface KeyCustody {
  production: boolean;
  /** DATA_DIR: whoever can write the stores must not hold the key too. */
  dataDir: string;
}

/** Whether `file` is `dir` or inside it. */
const inside = (file: string, dir: string): boolean => {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Refuses, naming `variable`, a key file production must not use: inside
 * DATA_DIR, missing (`generate` says how to provision one), or readable by
 * group or others.
 */
export const assertInCustody = (
  file: string,
  dataDir: string,
  variable: string,
  purpose: string,
  generate: string,
): void => {
  if (inside(file, dataDir)) {
    throw refuse(
      file,
      `is inside DATA_DIR=${dataDir}; in production ${purpose} lives elsewhere (another volume or a secrets mount)`,
      variable,
    );
  }
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw refuse(
      file,
      `does not exist; in production the key is provisioned, never generated: ${generate} && chmod 600 FILE`,
      variable,
    );
  }
  if ((mode & 0o077) !== 0) {
    throw refuse(
      file,
      `is readable by group or others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`,
      variable,
    );
  }
};

/**
 * A provisioned key file as production must keep it (outside DATA_DIR, owner
 * only), parsed; refusals name `variable`.
 */
export const loadProvisionedKey = (
  file: string,
  dataDir: string,
  variable: string,
  purpose: string,
): SigningKey => {
  assertInCustody(file, dataDir, variable, purpose, 'openssl genpkey -algorithm ed25519 -out FILE');
  return parse(file, readFileSync(file, 'utf8'), variable);
};

/**
 * The key the audit signed with before this one (AUDIT_PREVIOUS_SIGNING_KEY_FILE),
 * given once to hand the log on to the new key: it must exist (never generated),
 * and in production be kept as the signing key is.
 */
export const loadPreviousSigningKey = (file: string, custody: KeyCustody): SigningKey => {
  const variable = 'AUDIT_PREVIOUS_SIGNING_KEY_FILE';
  return custody.production
    ? loadProvisionedKey(file, custody.dataDir, variable, 'the previous signing key')
    : parse(file, readFileSync(file, 'utf8'), variable);
};

/**
 * The signing key as production must keep it: provisioned beforehand (never
 * generated, or deleting it would get a fresh one), outside DATA_DIR (a
 * database administrator or a copied data folder must not carry the key that
 * vouches for the data) and readable by its owner only. Outside production the
 * key is generated when missing, as before.
 */
export const loadSigningKeyInCustody = (file: string, custody: KeyCustody): SigningKey =>
  custody.production
    ? loadProvisionedKey(file, custody.dataDir, signingKeyVariable, 'the signing key')
    : loadOrCreateSigningKey(file);
