import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSecret } from '../../infra/auth/secret.ts';
import { verifyToken } from '../../infra/auth/tokens.ts';

describe('the token script', () => {
  let dataDir: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/token.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, JWT_SECRET: '' },
      encoding: 'utf8',
    });

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-token-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token and nothing else, signed with the secret it keeps in the data directory', async () => {
    const result = run(
      '--role',
      'department_head',
      '--unit',
      'edu',
      '--sub',
      'zhang',
      '--name',
      '张三',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const secret = loadOrCreateSecret(dataDir, null);
    expect(statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(await verifyToken(secret, result.stdout.trim())).toEqual({
      id: 'zhang',
      role: 'department_head',
      unitId: 'edu',
      name: '张三',
    });
  });

  it.each([
    [['--unit', 'edu'], '--role is required'],
    [['--role', 'admin'], '--role must be one of'],
    [['--role', 'department_head'], '--unit is required'],
  ])('refuses %j, saying why, and prints no token', (args, reason) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason);
  });
});
