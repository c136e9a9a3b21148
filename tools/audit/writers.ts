import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { loadOrCreateSigningKey } from '../../infra/keys/signing-key.ts';
import { trustedWriterKeys } from '../../infra/keys/writer-key.ts';
import { createWriteCheck } from '../../services/audit/write-check.ts';

/**
 * The writer keys the log's events must be signed with: those pinned with
 * `--writer-key` (raw Ed25519, base64url), else the data directory's own
 * event signing key, else none (no check).
 */
export const writerKeysOf = (
  pinned: readonly string[],
  keyFile: string,
): ReadonlyMap<string, KeyObject> => {
  for (const key of pinned) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(key)) {
      throw new Error(
        `--writer-key ${key}: must be a raw Ed25519 public key, base64url (43 characters)`,
      );
    }
  }
  if (pinned.length > 0) return trustedWriterKeys(null, pinned);
  return existsSync(keyFile)
    ? trustedWriterKeys(loadOrCreateSigningKey(keyFile, 'EVENT_SIGNING_KEY_FILE'), [])
    : new Map();
};

/** Checks each event read for a writer signature; keeps the first few found wanting. */
export const createWriterAudit = (keys: ReadonlyMap<string, KeyObject>) => {
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
        return {
          ok: true,
          lines: ['writer signatures: not checked (no writer key: --writer-key)'],
        };
      }
      if (found.length === 0) {
        return {
          ok: true,
          lines: [
            `writer signatures: ${checked} events, every one written by a trusted writer (or before writes were signed)`,
          ],
        };
      }
      return {
        ok: false,
        lines: [
          `writer signatures: ${found.length === 20 ? 'at least 20' : found.length} events the system did not write:`,
          ...found.map((divergence) => `  position ${divergence.position}: ${divergence.what}`),
        ],
      };
    },
  };
};
