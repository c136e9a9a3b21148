/**
 * Provisions a node's identity key and prints the entry every node lists in
 * NODE_TRUSTED_KEYS for it, and nothing else:
 *   npm run --silent node-key -- --out /etc/dubanju/gateway.pem --name gateway --may person
 *   npm run --silent node-key -- --out /etc/dubanju/tasks.pem --name tasks --may system+forward
 * An existing key file is read, never replaced: the entry is printed again.
 */
import { parseArgs } from 'node:util';
import { capabilities } from '../infra/identity/assertion.ts';
import { parseTrustedKey } from '../infra/identity/node-identity.ts';
import { loadOrCreateSigningKey } from '../infra/keys/signing-key.ts';

const fail = (message: string): never => {
  process.stderr.write(`node-key: ${message}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: { out: { type: 'string' }, name: { type: 'string' }, may: { type: 'string' } },
});
const out = values.out ?? fail('--out FILE is required (where the private key is kept, mode 600)');
const name = values.name ?? fail('--name is required (how logs name this node kind)');
if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) fail('--name: letters, digits, _ . - only');
const may =
  values.may ?? fail(`--may is required: capabilities joined by + (${capabilities.join(', ')})`);

const key = loadOrCreateSigningKey(out);
const entry = `${name}:${may}:${key.publicKeyRaw.toString('base64url')}`;
try {
  parseTrustedKey(entry);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write(`${entry}\n`);
