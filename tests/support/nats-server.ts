import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The nats-server binary: /usr/sbin (Debian's package) or anywhere on PATH; null when absent. */
export const natsServerBinary = (): string | null => {
  if (existsSync('/usr/sbin/nats-server')) return '/usr/sbin/nats-server';
  const found = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
};

/** Why the NATS suites cannot run here, printed once; null when they can. */
export const natsUnavailableReason = (): string | null =>
  natsServerBinary()
    ? null
    : 'nats-server is not installed (apt-get install nats-server; .ci/run does it)';

/** A port nothing listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface NatsServerOptions {
  user?: string;
  password?: string;
  /** Turn JetStream on (the NATS lease store needs it). */
  jetstream?: boolean;
  /** A configuration file to include (its users and permissions), with the environment it reads. */
  include?: { file: string; env: Record<string, string> };
  port?: number;
}

export interface NatsServer {
  port: number;
  /** nats://user:password@127.0.0.1:port (or without credentials). */
  url: string;
  /** The same server with another password in the URL. */
  urlWithPassword(password: string): string;
  /** Stops the server (SIGTERM, or SIGKILL) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port, with the same store. */
  restart(): Promise<void>;
  /** Stops it and removes its JetStream store. */
  dispose(): Promise<void>;
}

const waitReady = (child: ChildProcess, output: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`nats-server not ready:\n${output.join('')}`)),
      10_000,
    );
    const look = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (!/Server is ready/.test(output.join(''))) return;
      clearTimeout(timer);
      resolve();
    };
    child.stderr?.on('data', look);
    child.stdout?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${code}:\n${output.join('')}`));
    });
  });

/** Starts a nats-server on 127.0.0.1 and a free port, and waits until it accepts clients. */
export const startNatsServer = async (options: NatsServerOptions = {}): Promise<NatsServer> => {
  const binary = natsServerBinary();
  if (!binary) throw new Error(natsUnavailableReason() ?? 'nats-server missing');
  const port = options.port ?? (await freePort());
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-nats-'));
  const args = ['-a', '127.0.0.1', '-p', String(port)];
  if (options.user) args.push('--user', options.user, '--pass', options.password ?? '');
  if (options.jetstream) args.push('-js', '-sd', storeDir);
  if (options.include) {
    // Includes are read relative to the including file: both sit in the store's folder.
    const name = path.basename(options.include.file);
    copyFileSync(options.include.file, path.join(storeDir, name));
    writeFileSync(path.join(storeDir, 'nats.conf'), `include ${name}\n`);
    args.push('-c', path.join(storeDir, 'nats.conf'));
  }
  let child: ChildProcess | null = null;
  const launch = async () => {
    const output: string[] = [];
    child = spawn(binary, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.include?.env },
    });
    await waitReady(child, output);
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };
  const credentials = (password: string | undefined) =>
    options.user
      ? `${encodeURIComponent(options.user)}:${encodeURIComponent(password ?? '')}@`
      : '';
  await launch();
  return {
    port,
    url: `nats://${credentials(options.password)}127.0.0.1:${port}`,
    urlWithPassword: (password) => `nats://${credentials(password)}127.0.0.1:${port}`,
    stop,
    restart: launch,
    async dispose() {
      await stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
};
