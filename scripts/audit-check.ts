/**
 * Recomputes the whole log from the event store against every signed tree head
 * and names the first position where it diverges:
 *   npm run --silent audit:check -- [--data DIR] [--key <base64 | PEM file>] [--bundle FILE]
 *     [--checkpoint FILE --log-key VKEY --witness-key VKEY… [--quorum N]]
 * `--bundle` adds the heads of a bundle exported earlier: a tail cut off together
 * with its heads is still caught. `--checkpoint` adds a checkpoint the witnesses
 * cosigned (a witness keeps its last one): the log must have its root at its size,
 * whatever heads the log itself now holds. Exit 0 with a summary when everything matches;
 * 1 with `first divergence at position N: …` (and failing heads); 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openAuditRecord } from '../tools/audit/audit-store.ts';
import { asBundle } from '../tools/audit/bundle.ts';
import { checkLog } from '../tools/audit/check-log.ts';
import { exitCodes, orFail, usageFailure } from '../tools/audit/cli.ts';
import { dataDirOf, dataFiles, openEventStoreAt } from '../tools/audit/data-dir.ts';
import { loadSigningKey, parsePinnedKey } from '../tools/audit/key-files.ts';
import { rawPublicKeyOf } from '../tools/audit/keys.ts';
import { checkLines } from '../tools/audit/report.ts';
import type { FoundHead } from '../tools/audit/scan-log.ts';
import { scanLog } from '../tools/audit/scan-log.ts';
import { checkWitnessed, witnessedArguments } from '../tools/audit/witnessed.ts';
import { createWriterAudit, writeKeysFrom } from '../tools/audit/writers.ts';

const fail = usageFailure('audit:check');

const values = orFail(fail, () =>
  parseArgs({
    options: {
      data: { type: 'string' },
      key: { type: 'string' },
      bundle: { type: 'string' },
      checkpoint: { type: 'string' },
      'log-key': { type: 'string' },
      'witness-key': { type: 'string', multiple: true },
      'write-key': { type: 'string' },
      quorum: { type: 'string' },
    },
  }),
).values;

/** The key heads must carry: pinned, else the data directory's own, else none known. */
const trustedKey = (key: string | undefined, signingKeyFile: string): Buffer | null => {
  if (key !== undefined) return parsePinnedKey(key);
  const signingKey = loadSigningKey(signingKeyFile);
  return signingKey ? rawPublicKeyOf(signingKey) : null;
};

const bundleHeads = (file: string | undefined): FoundHead[] => {
  if (file === undefined) return [];
  const bundle = asBundle(JSON.parse(readFileSync(file, 'utf8')));
  return bundle.heads.map(({ position, ...head }) => ({ position, head }));
};

const witnessed = orFail(fail, () => witnessedArguments(values));

const files = dataFiles(dataDirOf(values.data));
const key = orFail(fail, () => trustedKey(values.key, files.signingKey));
const extraHeads = orFail(fail, () => bundleHeads(values.bundle));
const store = orFail(fail, () => openEventStoreAt(files.events));
const record = openAuditRecord(files.audit);
try {
  const writers = createWriterAudit(
    orFail(fail, () => writeKeysFrom(values['write-key'], files.eventWriteKey)),
  );
  const scan = await scanLog(store, (event) => writers.see(event));
  const report = checkLog({ scan, record, trustedKey: key, extraHeads });
  const checked = checkLines(report);
  const written = writers.report();
  const ok = checked.ok && written.ok;
  const lines = [...checked.lines, ...written.lines];
  const against = witnessed
    ? orFail(fail, () => checkWitnessed(report.log, witnessed.note, witnessed.keys))
    : { ok: true, lines: [] };
  process.stdout.write(`${[...lines, ...against.lines].join('\n')}\n`);
  process.exitCode = ok && against.ok ? exitCodes.ok : exitCodes.failed;
} finally {
  record?.close();
  await store.close();
}
