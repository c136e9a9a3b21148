import { operationHash } from './hash.ts';
import { consoleOperations } from './index.ts';

/**
 * The persisted operations manifest the build writes beside the console
 * (`persisted-operations.json`): each document the console sends, by the hash
 * it names it with. The gateway loads it at start.
 */
export const persistedManifest = (): Record<string, string> =>
  Object.fromEntries(consoleOperations().map((document) => [operationHash(document), document]));
