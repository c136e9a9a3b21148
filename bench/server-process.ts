import { type ChildProcess, spawn } from 'node:child_process';

/** The server's clock: the last day of the generated logs' year. */
export const serverClock = '2021-12-31T02:00:00Z';

/**
 * The server (`main.ts`) as its own process on embedded stores in `dir`, on
 * `port`, signing tokens with `secret`, its clock at the last day of the
 * generated logs' year: what the soak and the probes benchmarks run against.
 * `settings` come before this process's environment, which may override them;
 * SERVER_NODE_FLAGS (say `--cpu-prof --cpu-prof-dir=DIR`) are given to its Node.
 */
const nodeFlags = () => process.env.SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];

export const spawnServer = (
  dir: string,
  port: number,
  secret: string,
  settings: Record<string, string> = {},
): ChildProcess =>
  spawn(process.execPath, [...nodeFlags(), 'main.ts'], {
    env: {
      ...settings,
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      JWT_SECRET: secret,
      CLOCK: serverClock,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
