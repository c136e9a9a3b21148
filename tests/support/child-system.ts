import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildSystem {
  child: ChildProcess;
  url: string;
  /** Everything the process printed, for failure messages. */
  output: string[];
  kill(signal: NodeJS.Signals): Promise<number | null>;
  /** The first line printed, before or after now, that matches `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export interface ChildSystemOptions {
  /**
   * The line that means ready; its first group, if any, is the URL. Default: the
   * gateway's `ready: http://…/graphql`. A node without the gateway prints
   * `services … ready`.
   */
  ready?: RegExp;
}

const gatewayReady = /ready: (http:\/\/[^/\s]+)\/graphql/;

/** Lines `output` will receive, so a wait can see lines printed after it began. */
const lineWatchers = (output: string[]) => {
  const watchers = new Set<(line: string) => void>();
  return {
    notify: (line: string) => {
      for (const watcher of watchers) watcher(line);
    },
    waitFor: (pattern: RegExp, timeoutMs = 20_000) =>
      new Promise<string>((resolve, reject) => {
        const seen = output.find((line) => pattern.test(line));
        if (seen !== undefined) return resolve(seen);
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`),
          );
        }, timeoutMs);
        const watch = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(line);
        };
        watchers.add(watch);
      }),
  };
};

/**
 * Starts `node main.ts` as a real process (not through npm, so the pid is the
 * node process itself) and resolves once it logs that it is ready.
 */
export const startChildSystem = (
  env: Record<string, string>,
  timeoutMs = 20_000,
  options: ChildSystemOptions = {},
): Promise<ChildSystem> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['main.ts'], {
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const lines = lineWatchers(output);
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
        lines.notify(line);
        const ready = (options.ready ?? gatewayReady).exec(line);
        if (!ready) return;
        clearTimeout(timer);
        resolve({
          child,
          url: ready[1] ?? '',
          output,
          kill: (signal) => {
            child.kill(signal);
            return exited;
          },
          waitFor: lines.waitFor,
        });
      });
    }
  });
