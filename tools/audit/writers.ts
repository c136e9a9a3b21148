import { existsSync } from 'node:fs';
import type { WriteKey } from '../../domain/transparency/written-event.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';
import { loadOrCreateWriteKey, writeKeysOf } from '../../infra/keys/writer-key.ts';
import { createWriteCheck } from '../../services/audit/write-check.ts';
import { treeHeadOf } from './tree-head.ts';

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

/** Reports list at most this many events the system did not write. */
const listed = 20;

/**
 * Checks each event read for its write MAC; keeps the first few found wanting.
 * Events written before writes were authenticated pass: those up to where the
 * signed heads say the legacy events end (`legacyUpTo`), or, in a log whose heads
 * do not say it, those before its first authenticated event.
 */
export const createWriterAudit = (keys: ReadonlyMap<string, WriteKey>) => {
  const check = createWriteCheck(keys, false);
  const found: AuditDivergence[] = [];
  /**
   * Unsigned events before the first authenticated one: legacy, unless the heads
   * say the legacy events end sooner; only the last few are kept (those past
   * where the heads say legacy ends are the last of them), and how many there were.
   */
  const leading: AuditDivergence[] = [];
  let leadingCount = 0;
  let legacyUpTo: number | null = null;
  let checked = 0;
  return {
    see(event: StoredEvent): void {
      if (keys.size === 0) return;
      checked += 1;
      const head = treeHeadOf(event);
      if (head?.legacyUpTo !== undefined) legacyUpTo ??= head.legacyUpTo;
      const problem = check(event);
      if (problem && found.length < listed) found.push(problem);
      else if (!problem && event.metadata.writer === undefined) {
        leadingCount += 1;
        leading.push(problemOf(event));
        if (leading.length > listed) leading.shift();
      }
    },
    /** The report's lines, and whether every event passed. */
    report(): { ok: boolean; lines: string[] } {
      if (keys.size === 0) {
        return { ok: true, lines: ['write MACs: not checked (no write key: --write-key FILE)'] };
      }
      // legacyUpTo counts events; on the SQLite log read here (numbered 1, 2, 3…
      // without gaps) the first n events are positions 1…n.
      const limit = legacyUpTo;
      const wanting = [
        ...(limit === null ? [] : leading.filter(({ position }) => position > limit)),
        ...found.filter(({ position }) => limit === null || position > limit),
      ]
        .sort((a, b) => a.position - b.position)
        .slice(0, listed);
      if (wanting.length === 0) {
        const legacy = limit === null ? leadingCount : limit;
        return {
          ok: true,
          lines: [
            `write MACs: ${checked} events, every one written by the system${legacy > 0 ? ` (the first ${legacy} before writes were authenticated${limit === null ? '' : ', as the signed heads say'})` : ''}`,
          ],
        };
      }
      return {
        ok: false,
        lines: [
          `write MACs: ${wanting.length === listed ? `at least ${listed}` : wanting.length} events the system did not write:`,
          ...wanting.map((divergence) => `  position ${divergence.position}: ${divergence.what}`),
        ],
      };
    },
  };
};

const problemOf = (event: StoredEvent): AuditDivergence => ({
  position: event.position,
  what: `${event.type} in ${event.streamId} carries no write MAC: the system did not write it`,
});
