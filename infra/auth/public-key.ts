import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config.ts';

/** An issuer's public key and the one algorithm its type allows. */
export interface IssuerKey {
  key: KeyObject;
  /** Exactly one: a key type never verifies under another algorithm (no RS/HS confusion). */
  algorithms: ['RS256'] | ['ES256'];
}

const minimumRsaBits = 2048;

/** A key file that cannot serve stops start-up, naming the variable. */
const fail = (file: string, problem: string) =>
  new ConfigError(`AUTH_PUBLIC_KEY_FILE=${file}: ${problem}`);

const keyOfPem = (pem: string, file: string): KeyObject => {
  // The gateway only verifies: a private key here would be a key in the wrong place.
  if (/PRIVATE KEY-----/.test(pem)) throw fail(file, 'holds a private key; give the public key');
  try {
    return createPublicKey(pem);
  } catch {
    throw fail(file, 'must be a PEM public key (SPKI)');
  }
};

/** RS256 for an RSA key of 2048 bits or more, ES256 for a P-256 key; anything else is refused. */
export const issuerKeyFromPem = (pem: string, file = 'the key'): IssuerKey => {
  const key = keyOfPem(pem, file);
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if ((details.modulusLength ?? 0) < minimumRsaBits) {
      throw fail(file, `an RSA key must have at least ${minimumRsaBits} bits`);
    }
    return { key, algorithms: ['RS256'] };
  }
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') {
    return { key, algorithms: ['ES256'] };
  }
  throw fail(file, 'must be an RSA key (RS256) or a P-256 EC key (ES256)');
};

/** Reads the issuer's key at start, so a missing or wrong file stops the gateway at once. */
export const loadIssuerKey = (file: string): IssuerKey => {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return issuerKeyFromPem(pem, file);
};
