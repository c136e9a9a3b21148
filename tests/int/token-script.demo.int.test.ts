import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSecret } from '../../infra/auth/secret.ts';
import { verifyToken } from '../../infra/auth/tokens.ts';

const script = path.resolve(__dirname, '../../scripts/token.ts');

describe('the token script for the demo', () => {
  let workDir: string;
  const run = (args: string[], env: Record<string, string> = {}) => {
    const { DATA_DIR: _dataDir, DEMO: _demo, ...inherited } = process.env;
    return spawnSync(process.execPath, [script, '--role', 'office', ...args], {
      cwd: workDir,
      env: { ...inherited, JWT_SECRET: '', ...env },
      encoding: 'utf8',
    });
  };

  beforeEach(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-token-demo-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it.each([
    ['--demo', ['--demo'], {}],
    ['DEMO=1', [], { DEMO: '1' }],
  ])(
    'with %s, signs with the secret `npm start -- --demo` keeps in data/demo',
    async (_, args, env) => {
      const result = run(args, env);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const secret = loadOrCreateSecret(path.join(workDir, 'data', 'demo'), null);
      expect(await verifyToken(secret, result.stdout.trim())).toMatchObject({ role: 'office' });
      expect(existsSync(path.join(workDir, 'data', 'jwt-secret'))).toBe(false);
    },
  );

  it('without it, signs with the secret of the real data', async () => {
    const result = run([]);
    expect(result.status).toBe(0);
    const secret = loadOrCreateSecret(path.join(workDir, 'data'), null);
    expect(await verifyToken(secret, result.stdout.trim())).toMatchObject({ role: 'office' });
    expect(existsSync(path.join(workDir, 'data', 'demo'))).toBe(false);
  });
});
