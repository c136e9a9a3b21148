import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { WriteKey } from '../../domain/transparency/written-event.ts';
import { type Config, ConfigError } from '../config/config.ts';
import { assertInCustody, createKeyFile } from './signing-key.ts';

/** The services that write events (commands, read records, tree heads): their nodes hold the write key. */
const writingServices = new Set(['tasks', 'directory', 'rules', 'supervision', 'audit']);

const variable = 'EVENT_WRITE_KEY_FILE';

const refuse = (file: string, why: string) => new ConfigError(`${variable}=${file}: ${why}`);

/** A write key from its file's text: 64 hex characters (32 random bytes). */
export const parseWriteKey = (text: string, file: string): WriteKey => {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw refuse(
      file,
      'must hold 64 hex characters (32 random bytes): openssl rand -hex 32 > FILE',
    );
  }
  const secret = Buffer.from(hex, 'hex');
  return { keyId: createHash('sha256').update(secret).digest('hex').slice(0, 16), secret };
};

/** In production: provisioned outside DATA_DIR, owner-readable only, never generated. */
const provisioned = (file: string, dataDir: string): WriteKey => {
  assertInCustody(file, dataDir, variable, 'the write key', 'openssl rand -hex 32 > FILE');
  return parseWriteKey(readFileSync(file, 'utf8'), file);
};

/** Outside production: read, or generated (mode 0600) on first start. */
export const loadOrCreateWriteKey = (file: string): WriteKey => {
  try {
    return parseWriteKey(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Created by another process first: theirs is read back.
  createKeyFile(file, `${randomBytes(32).toString('hex')}\n`);
  return parseWriteKey(readFileSync(file, 'utf8'), file);
};

/**
 * The key this node authenticates the events it writes with, on nodes that
 * write or audit; null on the others (a gateway, a projection node without the
 * audit). Every such node of a deployment holds the same key.
 */
export const loadWriteKey = (
  config: Pick<Config, 'services' | 'production' | 'dataDir' | 'eventWriteKeyFile'>,
): WriteKey | null => {
  if (!config.services.some((service) => writingServices.has(service))) return null;
  return config.production
    ? provisioned(config.eventWriteKeyFile, config.dataDir)
    : loadOrCreateWriteKey(config.eventWriteKeyFile);
};

/** The write keys by id, for checking events: this node's own. */
export const writeKeysOf = (own: WriteKey | null): Map<string, WriteKey> =>
  new Map(own ? [[own.keyId, own]] : []);
