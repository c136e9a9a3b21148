import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './nats-server.ts';

const run = promisify(execFile);

/** Debian's server binaries (package postgresql), newest first; null when none. */
const binaries = (): string | null => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const [newest] = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return newest ? path.join(root, newest, 'bin') : null;
};

/** Why a private server cannot be started here; null when it can. */
export const privatePostgresUnavailableReason = (): string | null => {
  if (!binaries()) return 'PostgreSQL server binaries are not installed (package postgresql)';
  if (process.getuid?.() !== 0) return 'starting a private server as the postgres user needs root';
  return null;
};

/** A PostgreSQL server of the test's own, which it may stop and start at will. */
export interface PrivatePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Creates and starts a throwaway cluster on a free port (trust auth, no fsync),
 * run by the `postgres` user as the server refuses root: a test can restart it
 * without disturbing the machine's server the other suites share.
 */
export const startPrivatePostgres = async (): Promise<PrivatePostgres> => {
  const bin = binaries();
  if (!bin) throw new Error(privatePostgresUnavailableReason() ?? 'no PostgreSQL');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-pg-'));
  const { uid, gid } = await postgresIds();
  chownSync(dir, uid, gid);
  const data = path.join(dir, 'data');
  const asPostgres = (command: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]);
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'root', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await asPostgres('pg_ctl', [
      '-D',
      data,
      '-o',
      options,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
    ]);
  };
  const stop = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://root@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async dispose() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresIds = async () => {
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: group } = await run('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
};
