import type { KeyObject } from 'node:crypto';
import type { Config } from '../config/config.ts';
import {
  keyIdOf,
  loadOrCreateSigningKey,
  loadProvisionedKey,
  publicKeyFromRaw,
  type SigningKey,
} from './signing-key.ts';

/** The services that write events (commands, read records, tree heads): their nodes hold the writer key. */
const writingServices = new Set(['tasks', 'directory', 'rules', 'supervision', 'audit']);

const variable = 'EVENT_SIGNING_KEY_FILE';

/**
 * The key this node signs the events it writes with, on nodes that write; null
 * on the others (a gateway, a projection node without the audit). In
 * production it is provisioned outside DATA_DIR, owner-readable only (a
 * database administrator must not hold it); elsewhere generated when missing.
 */
export const loadWriterKey = (
  config: Pick<Config, 'services' | 'production' | 'dataDir' | 'eventSigningKeyFile'>,
): SigningKey | null => {
  if (!config.services.some((service) => writingServices.has(service))) return null;
  return config.production
    ? loadProvisionedKey(
        config.eventSigningKeyFile,
        config.dataDir,
        variable,
        'the event signing key',
      )
    : loadOrCreateSigningKey(config.eventSigningKeyFile, variable);
};

/** The writer keys whose events this node trusts: its own, and those of EVENT_WRITER_KEYS. */
export const trustedWriterKeys = (
  own: SigningKey | null,
  listed: readonly string[],
): Map<string, KeyObject> => {
  const trusted = new Map<string, KeyObject>();
  if (own) trusted.set(own.keyId, own.publicKey);
  for (const raw of listed) {
    const bytes = Buffer.from(raw, 'base64url');
    trusted.set(keyIdOf(bytes), publicKeyFromRaw(bytes));
  }
  return trusted;
};
