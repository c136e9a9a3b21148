import { spawnSync } from 'node:child_process';
import { getContainerRuntimeClient } from 'testcontainers';

const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Why suites that start containers cannot run here (`no container runtime (…)`),
 * or undefined when a container engine answers. testcontainers rejects within
 * milliseconds when it finds none.
 */
export async function containerRuntimeOrSkipReason(): Promise<string | undefined> {
  try {
    await getContainerRuntimeClient();
    return undefined;
  } catch (error) {
    return `no container runtime (${describeError(error)})`;
  }
}

// The child prints `ok`, or the reason testcontainers gave.
const probe = (modulePath: string): string => `
require(${JSON.stringify(modulePath)}).getContainerRuntimeClient().then(
  () => process.stdout.write('ok'),
  (error) => process.stdout.write('no container runtime (' + error.message + ')'),
);`;

let cached: { reason: string | undefined } | undefined;

/**
 * The same answer, synchronously: jest declares tests while it loads a file, and
 * a suite that cannot run must be declared skipped then. The asynchronous check
 * runs in a child Node process, once per test process.
 */
export function containerRuntimeOrSkipReasonSync(): string | undefined {
  if (cached !== undefined) return cached.reason;
  const child = spawnSync(process.execPath, ['-e', probe(require.resolve('testcontainers'))], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const answer = child.stdout?.trim() ?? '';
  let reason: string | undefined;
  if (answer !== 'ok') {
    const cause = answer || child.error?.message || child.stderr?.trim() || 'no answer';
    reason = answer.startsWith('no container runtime') ? answer : `no container runtime (${cause})`;
  }
  cached = { reason };
  return reason;
}
