import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKeyFile } from '../keys/signing-key.ts';

/**
 * The HS256 secret of the embedded mode: from configuration, or generated on first
 * start into the data directory, readable by the owner only.
 */
export const loadOrCreateSecret = (dataDir: string, configured: string | null): string => {
  if (configured) return configured;
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  // Another process created it first: use theirs.
  return createKeyFile(file, `${secret}\n`) ? secret : readFileSync(file, 'utf8').trim();
};
