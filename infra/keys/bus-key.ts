import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Config, ConfigError } from '../config/config.ts';
import { assertInCustody } from './signing-key.ts';

const variable = 'BUS_KEY_FILE';
const generate = 'openssl rand -hex 32 > FILE';

/** The bus key from its file's text: 64 hex characters (32 random bytes). */
const parseBusKey = (text: string, file: string): Buffer => {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new ConfigError(
      `${variable}=${file}: must hold 64 hex characters (32 random bytes): ${generate}`,
    );
  }
  return Buffer.from(hex, 'hex');
};

/**
 * The key every node of a deployment seals its bus packets with; null without
 * a transporter (nothing leaves the process). BUS_KEY_FILE names it, in
 * production provisioned outside DATA_DIR and owner-readable only, and required
 * on a bus. A development bus without it derives one from the shared secret.
 */
export const loadBusKey = (
  config: Pick<Config, 'busKeyFile' | 'transporter' | 'production' | 'dataDir'>,
  secret: string,
): Buffer | null => {
  if (config.transporter === 'none') return null;
  const file = config.busKeyFile;
  if (file !== null) {
    if (config.production) assertInCustody(file, config.dataDir, variable, 'the bus key', generate);
    return parseBusKey(readFileSync(file, 'utf8'), file);
  }
  if (config.production) {
    throw new ConfigError(
      `${variable}: required in production with a TRANSPORTER: every node seals the packets it puts on the bus with this shared key (${generate} && chmod 600 FILE)`,
    );
  }
  return Buffer.from(hkdfSync('sha256', secret, 'dubanju', 'bus packets', 32));
};
