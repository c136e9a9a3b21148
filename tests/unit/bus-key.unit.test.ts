import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBusKey } from '../../infra/keys/bus-key.ts';

const secret = 'bus-key-unit-secret-0123456789abcdef';
const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bus-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dataDir = path.join(dir, 'data');
const bus = 'nats://127.0.0.1:4222';
const settings = (more: Partial<Parameters<typeof loadBusKey>[0]> = {}) => ({
  busKeyFile: null,
  transporter: bus,
  production: false,
  dataDir,
  ...more,
});
const keyFile = (name: string, text: string, mode = 0o600) => {
  const file = path.join(dir, name);
  writeFileSync(file, text, { mode });
  return file;
};
const hex = 'ab'.repeat(32);

describe("the deployment's bus key", () => {
  it('is not needed in one process', () => {
    expect(loadBusKey(settings({ transporter: 'none' }), secret)).toBeNull();
  });

  it('on a development bus without a file is derived alike on every node from the shared secret', () => {
    const one = loadBusKey(settings(), secret);
    expect(one).toHaveLength(32);
    expect(loadBusKey(settings(), secret)?.equals(one as Buffer)).toBe(true);
    expect(loadBusKey(settings(), `${secret}-other`)?.equals(one as Buffer)).toBe(false);
  });

  it('is read from BUS_KEY_FILE', () => {
    const file = keyFile('bus-key', `${hex}\n`);
    expect(loadBusKey(settings({ busKeyFile: file }), secret)?.toString('hex')).toBe(hex);
    expect(() => loadBusKey(settings({ busKeyFile: keyFile('short', 'abcd') }), secret)).toThrow(
      /^BUS_KEY_FILE=.*short: must hold 64 hex characters/,
    );
  });

  it('is required in production on a bus, outside DATA_DIR and readable by its owner only', () => {
    expect(() => loadBusKey(settings({ production: true }), secret)).toThrow(
      /^BUS_KEY_FILE: required in production with a TRANSPORTER/,
    );
    const open = keyFile('open-key', `${hex}\n`, 0o644);
    expect(() => loadBusKey(settings({ production: true, busKeyFile: open }), secret)).toThrow(
      /BUS_KEY_FILE/,
    );
    const kept = keyFile('kept-key', `${hex}\n`);
    expect(loadBusKey(settings({ production: true, busKeyFile: kept }), secret)).toHaveLength(32);
  });
});
