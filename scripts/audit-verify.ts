/**
 * Verifies an exported audit bundle offline — no server, no database:
 *   npm run --silent audit:verify -- bundle.json [--key <base64 | PEM file>] [--allow-unsigned-selection]
 *     [--checkpoint FILE --log-key VKEY --witness-key VKEY… [--quorum N]]
 * `--checkpoint` also requires the bundle to hold the head the witnesses cosigned.
 * Exit 0 with a summary when every signature, proof and hash holds; 1 naming each
 * failing event by position and each failing head; 2 when the input is unusable.
 */
import { parseArgs } from 'node:util';
import { verifyBundleFile } from '../tools/audit/bundle-file.ts';
import { exitCodes, orFail, usageFailure } from '../tools/audit/cli.ts';
import { parsePinnedKey } from '../tools/audit/key-files.ts';
import { verifyLines } from '../tools/audit/report.ts';
import { checkBundleWitnessed, witnessedArguments } from '../tools/audit/witnessed.ts';

const fail = usageFailure('audit:verify');

const { values, positionals } = orFail(fail, () =>
  parseArgs({
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      'allow-unsigned-selection': { type: 'boolean', default: false },
      checkpoint: { type: 'string' },
      'log-key': { type: 'string' },
      'witness-key': { type: 'string', multiple: true },
      quorum: { type: 'string' },
    },
  }),
);
if (positionals.length !== 1) fail('give exactly one bundle file: audit:verify bundle.json');
const file = positionals[0]!;
const pinnedKey = orFail(fail, () =>
  values.key === undefined ? undefined : parsePinnedKey(values.key),
);
const verdict = await verifyBundleFile(file, {
  ...(pinnedKey ? { pinnedKey } : {}),
  allowUnsignedSelection: values['allow-unsigned-selection'],
}).catch((error: unknown) => fail(`${file}: ${(error as Error).message}`));
const { report, header } = verdict;
const witnessed = orFail(fail, () => {
  const asked = witnessedArguments(values);
  return asked
    ? checkBundleWitnessed(header.heads, asked.note, asked.keys)
    : { ok: true, lines: [] };
});
const lines = [...verifyLines(report, header, pinnedKey !== undefined), ...witnessed.lines];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = report.ok && witnessed.ok ? exitCodes.ok : exitCodes.failed;
