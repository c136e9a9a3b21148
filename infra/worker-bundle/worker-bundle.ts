import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A worker thread's code as one plain JavaScript file: a worker that loaded
 * TypeScript would strip its types with Node's WebAssembly stripper, and V8
 * can crash the whole process freeing a worker's WebAssembly code while
 * another thread runs it (seen as SIGSEGV in `wasm::NativeModule` frees). The
 * bundle holds this repository's modules only; packages and Node's builtins
 * are imported as they are, from the bundle's place inside the repository.
 */
export interface WorkerBundle {
  /** The file to start the worker from. */
  file: string;
  /** `bundled` (fresh or just built) or `source` (no bundler here: the TypeScript itself). */
  kind: 'bundled' | 'source';
}

/** What a bundle was built from: each input's path (from the root) and content hash. */
interface Manifest {
  entry: string;
  hash: string;
  inputs: Record<string, string>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Where the bundles of `entry` are kept, under the repository's ignored `.build`. */
const bundleDir = (root: string, entry: string) =>
  path.join(root, '.build', 'workers', path.basename(entry, path.extname(entry)));

/** The inputs' hashes now, or null when one is gone. */
const currentHashes = async (root: string, inputs: readonly string[]) => {
  const hashes: Record<string, string> = {};
  for (const input of inputs) {
    const content = await readFile(path.join(root, input)).catch(() => null);
    if (content === null) return null;
    hashes[input] = sha256(content);
  }
  return hashes;
};

const hashOf = (inputs: Record<string, string>) =>
  sha256(
    Object.keys(inputs)
      .sort()
      .map((input) => `${input} ${inputs[input]}\n`)
      .join(''),
  );

const entryFile = (dir: string, hash: string) => path.join(dir, hash, 'worker.mjs');

/** The bundle the manifest names, when every input it lists is unchanged. */
const freshBundle = async (root: string, entry: string): Promise<string | null> => {
  const dir = bundleDir(root, entry);
  const text = await readFile(path.join(dir, 'manifest.json'), 'utf8').catch(() => null);
  if (text === null) return null;
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.entry !== entry) return null;
  const now = await currentHashes(root, Object.keys(manifest.inputs));
  if (now === null || hashOf(now) !== manifest.hash) return null;
  const file = entryFile(dir, manifest.hash);
  return (await readFile(file).catch(() => null)) === null ? null : file;
};

/** Earlier bundles of the same entry: built from sources that have changed since. */
const removeOthers = async (dir: string, hash: string) => {
  for (const name of await readdir(dir)) {
    if (/^[0-9a-f]{64}$/.test(name) && name !== hash) {
      await rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
};

const isBare = (id: string) => !id.startsWith('.') && !path.isAbsolute(id);

/**
 * Bundles `entry` (a path from `root`) with rolldown, into a directory named by
 * its inputs' hash: two processes building at once write the same files, and
 * the manifest is replaced whole, so a reader never sees half a bundle.
 */
export const buildWorkerBundle = async (root: string, entry: string): Promise<string> => {
  const { rolldown } = await import('rolldown');
  const dir = bundleDir(root, entry);
  const staging = path.join(dir, `.staging-${randomUUID()}`);
  const build = await rolldown({
    input: path.join(root, entry),
    platform: 'node',
    external: (id) => isBare(id) || id.startsWith('node:'),
    logLevel: 'silent',
  });
  try {
    const { output } = await build.write({
      dir: staging,
      format: 'esm',
      entryFileNames: 'worker.mjs',
      chunkFileNames: '[name]-[hash].mjs',
    });
    const ids = output.flatMap((part) => (part.type === 'chunk' ? part.moduleIds : []));
    const inputs = Object.fromEntries(
      await Promise.all(
        ids
          .filter((id) => path.isAbsolute(id) && !id.includes(`${path.sep}node_modules${path.sep}`))
          .map(async (id) => [path.relative(root, id), sha256(await readFile(id))] as const),
      ),
    );
    const hash = hashOf(inputs);
    await rename(staging, path.join(dir, hash)).catch(async (error: NodeJS.ErrnoException) => {
      // Built already, by another process: the same inputs, the same files.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(staging, { recursive: true, force: true });
    });
    const manifest: Manifest = { entry, hash, inputs };
    const next = path.join(dir, `manifest.${randomUUID()}.json`);
    await writeFile(next, `${JSON.stringify(manifest, null, 1)}\n`);
    await rename(next, path.join(dir, 'manifest.json'));
    await removeOthers(dir, hash);
    return entryFile(dir, hash);
  } finally {
    await build.close();
    await rm(staging, { recursive: true, force: true });
  }
};

/** The worker entries this repository starts, bundled by `npm run build:workers`. */
export const workerEntries = [
  'services/boards/compute/worker.ts',
  'services/audit/self-check-worker.ts',
] as const;

/**
 * Builds `entry`'s bundle in a child process (`scripts/build-workers.ts`): the
 * bundler's native code stays out of the server, and runs under any host (the
 * test runner included) as Node runs it.
 */
const buildInChild = async (root: string, entry: string): Promise<string> => {
  const script = path.resolve('scripts', 'build-workers.ts');
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--root', root, entry], {
    timeout: 60_000,
  });
  const file = stdout.trim().split('\n').at(-1) ?? '';
  if (!path.isAbsolute(file)) throw new Error(`the bundler answered ${JSON.stringify(stdout)}`);
  return file;
};

/** Builds under way in this process: a second worker waits for the first one's. */
const building = new Map<string, Promise<WorkerBundle>>();

/**
 * The file a worker of `entry` (a path from `root`) starts from: its bundle
 * when fresh, built now when missing or stale (a source changed since), and
 * the TypeScript itself
 * only where no bundler is installed (a production image built without
 * `npm run build:workers` — `warn` says so).
 */
export const workerBundle = (
  root: string,
  entry: string,
  warn: (message: string) => void,
): Promise<WorkerBundle> => {
  const key = `${root}\n${entry}`;
  const known = building.get(key);
  if (known) return known;
  const found = (async (): Promise<WorkerBundle> => {
    await mkdir(bundleDir(root, entry), { recursive: true }).catch(() => undefined);
    const fresh = await freshBundle(root, entry);
    if (fresh !== null) return { file: fresh, kind: 'bundled' };
    try {
      return { file: await buildInChild(root, entry), kind: 'bundled' };
    } catch (error) {
      warn(
        `${entry} runs as TypeScript in its worker (no bundle: ${error instanceof Error ? error.message : String(error)}); run npm run build:workers`,
      );
      return { file: path.join(root, entry), kind: 'source' };
    }
  })();
  building.set(key, found);
  // Each worker started later checks the sources again (a few milliseconds).
  found.finally(() => building.delete(key)).catch(() => undefined);
  return found;
};
