import { existsSync } from 'node:fs';
import type { WriteKey } from '../../domain/transparency/written-event.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { loadOrCreateWriteKey, writeKeysOf } from '../../infra/keys/writer-key.ts';
import { createWriteCheck } from '../../services/audit/write-check.ts';

/**
 * The write key the log's events must be authenticated with: `--write-key FILE`,
 * else the data directory's own, else none (no check).
 */
export const writeKeysFrom = (file: string | undefined, dataDirKey: string) => {
  const chosen = file ?? dataDirKey;
  if (file !== undefined && !existsSync(file)) throw new Error(`--write-key ${file}: no such file`);
  return existsSync(chosen)
    ? writeKeysOf(loadOrCreateWriteKey(chosen))
    : new Map<string, WriteKey>();
};

/** Checks each event read for its write MAC; keeps the first few found wanting. */
export const createWriterAudit = (keys: ReadonlyMap<string, WriteKey>) => {
  const check = createWriteCheck(keys, false);
  const found: AuditDivergence[] = [];
  let checked = 0;
  return {
    see(event: StoredEvent): void {
      if (keys.size === 0) return;
      checked += 1;
      const problem = check(event);
      if (problem && found.length < 20) found.push(problem);
    },
    /** The report's lines, and whether every event passed. */
    report(): { ok: boolean; lines: string[] } {
      if (keys.size === 0) {
        return { ok: true, lines: ['write MACs: not checked (no write key: --write-key FILE)'] };
      }
      if (found.length === 0) {
        return {
          ok: true,
          lines: [
            `write MACs: ${checked} events, every one written by the system (or before writes were authenticated)`,
          ],
        };
      }
      return {
        ok: false,
        lines: [
          `write MACs: ${found.length === 20 ? 'at least 20' : found.length} events the system did not write:`,
          ...found.map((divergence) => `  position ${divergence.position}: ${divergence.what}`),
        ],
      };
    },
  };
};
