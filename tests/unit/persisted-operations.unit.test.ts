import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { hardenYoga } from '../../gateway/hardening/harden.ts';
import { loadConsoleOperations } from '../../gateway/hardening/persisted-operations-file.ts';
import { buildPublicSchema } from '../../gateway/schema/public-schema.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { consoleOperations } from '../../web/src/operations/index.ts';
import { persistedManifest } from '../../web/src/operations/manifest.ts';

const schema = buildPublicSchema();
const authenticate = async () => null;

describe("the console's persisted operations", () => {
  it('are every document it sends, each valid against the schema', () => {
    const documents = consoleOperations();
    expect(documents.length).toBeGreaterThan(30);
    for (const document of documents) {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
    }
  });

  it('are named operations, one name each', () => {
    const names = consoleOperations().map(
      (document) => /^(?:query|mutation) (\w+)/.exec(document)?.[1],
    );
    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are keyed by the SHA-256 of their text, as the gateway and the browser compute it', () => {
    const manifest = persistedManifest();
    for (const [hash, document] of Object.entries(manifest)) {
      expect(createHash('sha256').update(document).digest('hex')).toBe(hash);
    }
    expect(Object.keys(manifest)).toHaveLength(consoleOperations().length);
  });

  it('are loaded from the built console, or none when it is not built', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'console-'));
    expect(loadConsoleOperations(dir).size).toBe(0);
    writeFileSync(path.join(dir, 'persisted-operations.json'), JSON.stringify(persistedManifest()));
    expect(loadConsoleOperations(dir).size).toBe(consoleOperations().length);
  });
});

describe('persisted-only mode', () => {
  const persistedOnly = loadConfig({ GRAPHQL_PERSISTED_ONLY: 'true' });

  it('runs on the console’s operations alone', () => {
    const operations = new Map(Object.entries(persistedManifest()));
    expect(() =>
      hardenYoga(persistedOnly, { authenticate, consoleOperations: operations }),
    ).not.toThrow();
  });

  it('stops start-up when there is nothing to run, naming the setting', () => {
    expect(() => hardenYoga(persistedOnly, { authenticate })).toThrow(
      /^GRAPHQL_PERSISTED_ONLY=true: no persisted operations/,
    );
  });
});
