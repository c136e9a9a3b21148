import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { ConfigError } from '../../infra/config/config.ts';

const variable = 'GRAPHQL_PERSISTED_OPERATIONS_FILE';

const fail = (file: string, problem: string) => new ConfigError(`${variable}=${file}: ${problem}`);

/** The manifest the console's build writes beside its pages: every document it sends. */
export const consoleManifest = 'persisted-operations.json';

const readJson = (file: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw fail(file, 'must be JSON');
  }
};

/** Every query must parse now: a broken entry found at start, not by the first client. */
const checked = (file: string, hash: string, query: unknown): string => {
  if (typeof query !== 'string') throw fail(file, `entry ${hash} must be a query string`);
  try {
    parse(query);
  } catch (error) {
    throw fail(file, `entry ${hash} does not parse: ${(error as Error).message}`);
  }
  return query;
};

/**
 * The persisted operations (GRAPHQL_PERSISTED_OPERATIONS_FILE): a JSON object
 * mapping each operation's hash (what clients send as
 * `extensions.persistedQuery.sha256Hash`) to its query text. Read once at start.
 */
export const loadPersistedOperations = (file: string): ReadonlyMap<string, string> => {
  const json = readJson(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw fail(file, 'must be a JSON object of hash → query');
  }
  return new Map(Object.entries(json).map(([hash, query]) => [hash, checked(file, hash, query)]));
};

/**
 * The built console's persisted operations (`<dir>/persisted-operations.json`,
 * written by `npm run build:web`), or none when the console is not built.
 */
export const loadConsoleOperations = (dir: string): ReadonlyMap<string, string> => {
  const file = path.join(dir, consoleManifest);
  return existsSync(file) ? loadPersistedOperations(file) : new Map();
};
