/**
 * `npm run build:workers [-- [--root DIR] entry…]`: bundles each worker
 * thread's code into one JavaScript file under `<root>/.build/workers/` (run
 * at install; a worker whose bundle is stale is rebuilt when it starts).
 * Prints each bundle's path.
 */
import { parseArgs } from 'node:util';
import { buildWorkerBundle, workerEntries } from '../infra/worker-bundle/worker-bundle.ts';

const { values, positionals } = parseArgs({
  options: { root: { type: 'string', default: process.cwd() } },
  allowPositionals: true,
});
for (const entry of positionals.length > 0 ? positionals : workerEntries) {
  process.stdout.write(`${await buildWorkerBundle(values.root, entry)}\n`);
}
