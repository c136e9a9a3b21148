import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSecret } from '../../infra/auth/secret.ts';
import { createKeyFile } from '../../infra/keys/signing-key.ts';

describe('a key file created on first start', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-key-file-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the whole key, readable by its owner only, and nothing else is left in the folder', () => {
    const dir = fresh();
    const file = path.join(dir, 'event-write-key');
    expect(createKeyFile(file, 'a'.repeat(64))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('a'.repeat(64));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['event-write-key']);
  });

  it('never replaces a key another process created first, and leaves nothing behind', () => {
    const dir = fresh();
    const file = path.join(dir, 'event-write-key');
    writeFileSync(file, 'theirs', { mode: 0o600 });
    expect(createKeyFile(file, 'mine')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['event-write-key']);
  });

  it('gives the token secret already there, else creates it once', () => {
    const dir = fresh();
    const secret = loadOrCreateSecret(dir, null);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(loadOrCreateSecret(dir, null)).toBe(secret);
    expect(statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['jwt-secret']);
  });
});
