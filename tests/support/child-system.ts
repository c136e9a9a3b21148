import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildSystem {
  child: ChildProcess;
  url: string;
  /** Everything the process printed, for failure messages. */
  output: string[];
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node main.ts` as a real process (not through npm, so the pid is the
 * node process itself) and resolves once it logs that it is ready.
 */
export const startChildSystem = (
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<ChildSystem> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['main.ts'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready within ${timeoutMs} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${output.join('\n')}`));
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const ready = /ready: (http:\/\/[^/\s]+)\/graphql/.exec(line);
        if (!ready?.[1]) return;
        clearTimeout(timer);
        resolve({
          child,
          url: ready[1],
          output,
          kill: (signal) => {
            child.kill(signal);
            return exited;
          },
        });
      });
    }
  });
