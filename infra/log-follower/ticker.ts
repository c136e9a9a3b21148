/** A repeating job: `work` runs `ms` after the previous run finished, until stopped. */
export interface Ticker {
  stop(): void;
}

/** Starts `work` every `ms`; a failure is handed to `onError` and the next tick comes anyway. */
export const startTicker = (
  ms: number,
  work: () => Promise<void>,
  onError: (error: unknown) => void,
): Ticker => {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = () => {
    timer = setTimeout(async () => {
      try {
        await work();
      } catch (error) {
        onError(error);
      }
      if (!stopped) schedule();
    }, ms);
  };
  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
