/**
 * A resource loaded on first use, so that a deployment pays for a client library
 * only when it asks for it: `get` starts the load once and every later call
 * shares it (a failed load fails them all with its error); `close` closes the
 * resource only if it was ever asked for, and loads nothing to do so.
 */
export function loadedOnFirstUse<T extends { close(): Promise<void> }>(load: () => Promise<T>) {
  let loading: Promise<T> | undefined;
  return {
    get: (): Promise<T> => {
      loading ??= load();
      return loading;
    },
    async close(): Promise<void> {
      if (loading === undefined) return;
      await (await loading).close();
    },
  };
}
