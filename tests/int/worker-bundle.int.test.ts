import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerBundle } from '../../infra/worker-bundle/worker-bundle.ts';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bundle-'));
  writeFileSync(
    path.join(root, 'entry.ts'),
    [
      "import { parentPort } from 'node:worker_threads';",
      "import { answer } from './answer.ts';",
      'const typed: number = answer();',
      'parentPort?.postMessage(typed);',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(root, 'answer.ts'), 'export const answer = (): number => 41;\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What a worker started from `file` posts first. */
const firstMessage = (file: string) =>
  new Promise<unknown>((resolve, reject) => {
    const worker = new Worker(file);
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });

const noWarning = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('a worker thread runs its code bundled to JavaScript', () => {
  it('bundles the entry and what it imports into one .mjs, types stripped, that a worker runs', async () => {
    const bundle = await workerBundle(root, 'entry.ts', noWarning);
    expect(bundle.kind).toBe('bundled');
    expect(bundle.file).toMatch(/\.build\/workers\/entry\/[0-9a-f]{64}\/worker\.mjs$/);
    const code = readFileSync(bundle.file, 'utf8');
    expect(code).not.toMatch(/: number/);
    expect(code).not.toMatch(/from '\.\/answer/);
    expect(await firstMessage(bundle.file)).toBe(41);
    const manifest = JSON.parse(
      readFileSync(path.join(root, '.build/workers/entry/manifest.json'), 'utf8'),
    );
    expect(Object.keys(manifest.inputs).sort()).toEqual(['answer.ts', 'entry.ts']);
  }, 30_000);

  it('keeps a fresh bundle and rebuilds one whose sources changed, removing the stale one', async () => {
    const first = await workerBundle(root, 'entry.ts', noWarning);
    expect((await workerBundle(root, 'entry.ts', noWarning)).file).toBe(first.file);
    writeFileSync(path.join(root, 'answer.ts'), 'export const answer = (): number => 42;\n');
    const second = await workerBundle(root, 'entry.ts', noWarning);
    expect(second.file).not.toBe(first.file);
    expect(await firstMessage(second.file)).toBe(42);
    expect(existsSync(first.file)).toBe(false);
  }, 30_000);

  it('rebuilds a bundle whose file was removed behind its manifest', async () => {
    const first = await workerBundle(root, 'entry.ts', noWarning);
    rmSync(path.dirname(first.file), { recursive: true });
    const again = await workerBundle(root, 'entry.ts', noWarning);
    expect(again.file).toBe(first.file);
    expect(await firstMessage(again.file)).toBe(41);
  }, 30_000);

  it('falls back to the TypeScript itself, saying why, when the bundle cannot be built', async () => {
    writeFileSync(path.join(root, 'answer.ts'), 'export const answer = (: number => ;\n');
    const warnings: string[] = [];
    const bundle = await workerBundle(root, 'entry.ts', (message) => warnings.push(message));
    expect(bundle).toEqual({ file: path.join(root, 'entry.ts'), kind: 'source' });
    expect(warnings).toEqual([expect.stringContaining('npm run build:workers')]);
  }, 30_000);

  it("bundles the boards' worker from this repository", async () => {
    const bundle = await workerBundle(
      process.cwd(),
      'services/boards/compute/worker.ts',
      noWarning,
    );
    expect(bundle.kind).toBe('bundled');
    expect(bundle.file.startsWith(path.join(process.cwd(), '.build', 'workers', 'worker'))).toBe(
      true,
    );
  }, 30_000);
});
