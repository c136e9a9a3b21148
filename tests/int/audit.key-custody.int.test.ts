import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../infra/config/config.ts';
import { loadSigningKeyInCustody } from '../../infra/keys/signing-key.ts';
import { createSystem } from '../../system/system.ts';

let root: string;
let dataDir: string;
let keys: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dubanju-custody-'));
  dataDir = path.join(root, 'data');
  keys = path.join(root, 'keys');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const writeKey = (file: string, mode: number) => {
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { flag: 'w' });
  chmodSync(file, mode);
};

const production = () => ({ production: true, dataDir });

describe('the signing key in production', () => {
  it('is refused inside DATA_DIR, naming the variable and the folder', () => {
    const file = path.join(dataDir, 'nested', 'audit.pem');
    expect(() => loadSigningKeyInCustody(file, production())).toThrow(
      new RegExp(`^AUDIT_SIGNING_KEY_FILE=${file}: is inside DATA_DIR=${dataDir};`),
    );
  });

  it('is never generated: a missing key stops start-up and no file appears', () => {
    const file = path.join(keys, 'audit.pem');
    expect(() => loadSigningKeyInCustody(file, production())).toThrow(
      /^AUDIT_SIGNING_KEY_FILE=.*: does not exist; in production the key is provisioned, never generated/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('is refused when group or others may read it', () => {
    const file = path.join(root, 'audit.pem');
    writeKey(file, 0o640);
    expect(() => loadSigningKeyInCustody(file, production())).toThrow(
      /readable by group or others \(mode 640\); chmod 600 it$/,
    );
  });

  it('is loaded from outside DATA_DIR, readable by its owner only', () => {
    const file = path.join(root, 'audit.pem');
    writeKey(file, 0o600);
    expect(loadSigningKeyInCustody(file, production()).keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('stops the whole system before it starts, with the default key paths', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(() => createSystem(config)).toThrow(/^EVENT_WRITE_KEY_FILE=.*: is inside DATA_DIR=/);
    mkdirSync(keys, { recursive: true });
    writeFileSync(path.join(keys, 'write-key'), `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    const writerElsewhere = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      EVENT_WRITE_KEY_FILE: path.join(keys, 'write-key'),
    });
    expect(() => createSystem(writerElsewhere)).toThrow(
      /^AUDIT_SIGNING_KEY_FILE=.*: is inside DATA_DIR=/,
    );
  });

  it('refuses a write key others may read, or one that is not 32 hex bytes, naming it', () => {
    mkdirSync(keys, { recursive: true });
    const file = path.join(keys, 'write-key');
    writeFileSync(file, `${'ab'.repeat(32)}\n`);
    chmodSync(file, 0o644);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      EVENT_WRITE_KEY_FILE: file,
    });
    expect(() => createSystem(config)).toThrow(
      /^EVENT_WRITE_KEY_FILE=.*: is readable by group or others \(mode 644\); chmod 600 it/,
    );
    writeFileSync(file, 'not a key\n');
    chmodSync(file, 0o600);
    expect(() => createSystem(config)).toThrow(
      /^EVENT_WRITE_KEY_FILE=.*: must hold 64 hex characters \(32 random bytes\)/,
    );
  });
});

describe('the signing key outside production', () => {
  it('is generated in DATA_DIR on first start, as before', () => {
    const file = path.join(dataDir, 'audit-signing-key.pem');
    const key = loadSigningKeyInCustody(file, { production: false, dataDir });
    expect(existsSync(file)).toBe(true);
    expect(loadSigningKeyInCustody(file, { production: false, dataDir }).keyId).toBe(key.keyId);
  });
});
