// Shared by the three commands; no storage here, so the offline verifier can load it.

/** Exit codes the three audit commands share. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Prints `<command>: <message>` on stderr and exits with the usage code. */
export const usageFailure =
  (command: string) =>
  (message: string): never => {
    process.stderr.write(`${command}: ${message}\n`);
    process.exit(exitCodes.usage);
  };

/** Runs `step`; a thrown message becomes a usage failure, so bad input never shows a stack. */
export const orFail = <T>(fail: (message: string) => never, step: () => T): T => {
  try {
    return step();
  } catch (error) {
    return fail((error as Error).message);
  }
};
