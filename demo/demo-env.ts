/**
 * Where and when the demo runs: light enough for `main.ts` and the scripts to
 * read before deciding to load the whole system.
 */
import path from 'node:path';

type Env = Record<string, string | undefined>;

/** Where the demo keeps its data unless DATA_DIR says otherwise: apart from real data. */
export const demoDataDir = (env: Env = process.env): string =>
  path.resolve(env.DATA_DIR || path.join('data', 'demo'));

/** The moment the demo's year has reached when it is served: the last working day of 2021. */
export const demoNow = '2021-12-31T10:00:00+08:00';

/** `--demo` on the command line, or DEMO=1 (or true). */
export const demoAsked = (argv: readonly string[], env: Env): boolean =>
  argv.includes('--demo') || ['1', 'true'].includes(env.DEMO ?? '');

/**
 * The settings of a process serving the demo: its data directory (and so the
 * token secret kept there), its clock at the year's end unless CLOCK is set.
 */
export const demoEnv = (env: Env): Env => ({
  ...env,
  DATA_DIR: demoDataDir(env),
  CLOCK: env.CLOCK || demoNow,
});
