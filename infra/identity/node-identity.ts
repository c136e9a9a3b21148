import { createPrivateKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { ConfigError } from '../config/config.ts';
import {
  keyIdOf,
  loadOrCreateSigningKey,
  loadProvisionedKey,
  publicKeyFromRaw,
  signingKeyOf,
} from '../keys/signing-key.ts';
import { type Capability, capabilities, type TrustedKey } from './assertion.ts';

/** This node's key, and the keys (its own among them) whose assertions it accepts. */
export interface NodeIdentity {
  keyId: string;
  privateKey: KeyObject;
  trusted: ReadonlyMap<string, TrustedKey>;
  /** Where the key came from: provisioned, this process's own, or derived from the shared secret. */
  source: 'provisioned' | 'process' | 'shared-secret';
}

/** What the identity is built from: the settings and, for development buses, the shared secret. */
export interface IdentitySettings {
  nodeKeyFile: string | null;
  nodeTrustedKeys: readonly string[];
  transporter: string;
  production: boolean;
  dataDir: string;
}

const everything = new Set<Capability>(capabilities);

/** A trusted-key entry `name:capability+capability:base64url-raw-public-key`, parsed. */
export const parseTrustedKey = (entry: string): TrustedKey & { keyId: string } => {
  const refuse = (why: string) => new ConfigError(`NODE_TRUSTED_KEYS: ${entry}: ${why}`);
  const [name, may, raw, extra] = entry.split(':');
  if (!name || !may || !raw || extra !== undefined) {
    throw refuse('must be name:capabilities:key (capabilities joined by +, key base64url)');
  }
  const asked = may.split('+');
  const unknown = asked.filter((cap) => !(capabilities as readonly string[]).includes(cap));
  if (unknown.length > 0) {
    throw refuse(`unknown capability ${unknown.join(', ')}; one of ${capabilities.join(', ')}`);
  }
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) throw refuse('the key must be 32 bytes (a raw Ed25519 public key)');
  return {
    name,
    publicKey: publicKeyFromRaw(bytes),
    may: new Set(asked as Capability[]),
    keyId: keyIdOf(bytes),
  };
};

/** The PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A key every node of a development bus derives alike from the shared secret:
 * a rogue without the secret cannot assert anything, but every node may assert
 * everything. Production provisions one key per node instead.
 */
const sharedSecretKey = (secret: string): KeyObject => {
  const seed = Buffer.from(hkdfSync('sha256', secret, 'dubanju', 'node identity', 32));
  return createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
};

const selfTrusting = (privateKey: KeyObject, source: NodeIdentity['source']): NodeIdentity => {
  const key = signingKeyOf(privateKey);
  return {
    keyId: key.keyId,
    privateKey,
    trusted: new Map([
      [key.keyId, { name: 'this node', publicKey: key.publicKey, may: everything }],
    ]),
    source,
  };
};

/** An identity for one process alone: a fresh key that only it trusts, for everything. */
export const processIdentity = (): NodeIdentity =>
  selfTrusting(generateKeyPairSync('ed25519').privateKey, 'process');

/**
 * This node's identity: with NODE_KEY_FILE, that key and the NODE_TRUSTED_KEYS
 * (required in production on a bus); otherwise, in one process, a key of its
 * own that only it trusts, and on a development bus a key derived from the
 * shared secret.
 */
export const loadNodeIdentity = (settings: IdentitySettings, secret: string): NodeIdentity => {
  if (settings.nodeKeyFile === null) {
    if (settings.transporter === 'none') return processIdentity();
    if (settings.production) {
      throw new ConfigError(
        'NODE_KEY_FILE: required in production with a TRANSPORTER: each node signs the actors of its calls with a key of its own (npm run node-key)',
      );
    }
    return selfTrusting(sharedSecretKey(secret), 'shared-secret');
  }
  const key = settings.production
    ? loadProvisionedKey(settings.nodeKeyFile, settings.dataDir, 'NODE_KEY_FILE', "a node's key")
    : loadOrCreateSigningKey(settings.nodeKeyFile, 'NODE_KEY_FILE');
  const trusted = new Map<string, TrustedKey>();
  for (const entry of settings.nodeTrustedKeys) {
    const { keyId, ...trustedKey } = parseTrustedKey(entry);
    trusted.set(keyId, trustedKey);
  }
  if (!trusted.has(key.keyId)) {
    throw new ConfigError(
      `NODE_TRUSTED_KEYS: does not list this node's own key ${key.keyId} (NODE_KEY_FILE=${settings.nodeKeyFile}); without it the node can assert nothing`,
    );
  }
  return { keyId: key.keyId, privateKey: key.privateKey, trusted, source: 'provisioned' };
};
