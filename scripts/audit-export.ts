/**
 * Exports events with inclusion proofs to the latest signed tree head, for an
 * offline verifier (`audit:verify`). Reads the data directory; no server needed:
 *   npm run --silent audit:export -- --out bundle.json [--data DIR] [--stream S]
 *     [--type T] [--actor A] [--unit U] [--from ISO] [--to ISO] [--signing-key FILE]
 * Refuses (exit 1, naming the first bad position) a log that disagrees with its
 * own signed heads. `--unit` is the unit the actor acted for; --from/--to bound
 * recorded-at, both inclusive — as in the audit service's history search.
 */
import { parseArgs } from 'node:util';
import { openAuditRecord } from '../tools/audit/audit-store.ts';
import type { ExportFilters } from '../tools/audit/bundle.ts';
import { exitCodes, orFail, usageFailure } from '../tools/audit/cli.ts';
import { dataDirOf, dataFiles, openEventStoreAt } from '../tools/audit/data-dir.ts';
import { exportBundle } from '../tools/audit/export-bundle.ts';
import { ExportRefused } from '../tools/audit/export-target.ts';
import { filtersProblem } from '../tools/audit/filters.ts';
import { loadSigningKey } from '../tools/audit/key-files.ts';

const fail = usageFailure('audit:export');
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const { values } = orFail(fail, () =>
  parseArgs({
    options: {
      out: { type: 'string' },
      data: { type: 'string' },
      stream: { type: 'string' },
      type: { type: 'string' },
      actor: { type: 'string' },
      unit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'signing-key': { type: 'string' },
    },
  }),
);
const { out, data, 'signing-key': keyOption, ...given } = values;
if (!out) fail('--out FILE is required');
const filters: ExportFilters = Object.fromEntries(
  Object.entries(given).filter(([, value]) => value !== undefined),
);
const problem = filtersProblem(filters);
if (problem) fail(problem);

const files = dataFiles(dataDirOf(data));
const signingKeyFile = keyOption ?? files.signingKey;
const signingKey = orFail(fail, () => loadSigningKey(signingKeyFile));
if (!signingKey) {
  process.stderr.write(
    `audit:export: no signing key at ${signingKeyFile}: the selection goes unsigned, and audit:verify will need --allow-unsigned-selection\n`,
  );
}
const store = orFail(fail, () => openEventStoreAt(files.events));
const record = openAuditRecord(files.audit);

try {
  const result = await exportBundle({
    store,
    record,
    signingKey,
    filters,
    out: out!,
    exportedAt: new Date().toISOString(),
  });
  for (const warning of result.warnings)
    process.stderr.write(`audit:export: warning: ${warning}\n`);
  if (result.leftOut > 0) {
    process.stderr.write(
      `audit:export: ${count(result.leftOut, 'selected event')} after tree size ${result.head.treeSize} left out: no signed head covers ${result.leftOut === 1 ? 'it' : 'them'} yet\n`,
    );
  }
  process.stdout.write(
    `exported ${count(result.exported, 'event')} to ${out}, proven against the signed head of tree size ${result.head.treeSize} (key ${result.keyId}, ${count(result.heads, 'head')})\n`,
  );
} catch (error) {
  if (!(error instanceof ExportRefused)) throw error;
  process.stderr.write(
    `audit:export: refused: the log disagrees with its signed heads\n${error.lines.join('\n')}\n`,
  );
  process.exitCode = exitCodes.failed;
} finally {
  record?.close();
  await store.close();
}
