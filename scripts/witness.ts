/**
 * A witness of the audit log, run by an inspector (or the next level up) on a
 * machine of their own:
 *   npm run --silent witness -- --log URL --state DIR [--log-key VKEY] [--name NAME]
 *   npm run --silent witness -- --state DIR --show-key     # this witness's verifier key
 * Exit 0 with the cosigned checkpoint on stdout, posted back to the log (which
 * keeps it when the witness is one of its AUDIT_WITNESS_KEYS); 1 when the log's checkpoint
 * does not extend the one cosigned before (the evidence file is named); 2 when
 * the input or the log is unusable.
 */
import { parseArgs } from 'node:util';
import { exitCodes, orFail, usageFailure } from '../tools/audit/cli.ts';
import { WitnessInputError, witnessOnce, witnessVerifierKey } from '../tools/witness/witness.ts';

const fail = usageFailure('witness');

const { values } = orFail(fail, () =>
  parseArgs({
    options: {
      log: { type: 'string' },
      state: { type: 'string' },
      'log-key': { type: 'string' },
      name: { type: 'string' },
      'show-key': { type: 'boolean', default: false },
    },
  }),
);
if (!values.state) fail('give the witness folder: --state DIR');
const stateDir = values.state as string;
const named = values.name === undefined ? {} : { name: values.name };
if (values['show-key']) {
  process.stdout.write(`${orFail(fail, () => witnessVerifierKey({ stateDir, ...named }))}\n`);
  process.exit(exitCodes.ok);
}
if (!values.log) fail('give the log: --log http://host:4000');
const verdict = await witnessOnce({
  logUrl: values.log as string,
  stateDir,
  ...named,
  ...(values['log-key'] === undefined ? {} : { logKey: values['log-key'] }),
}).catch((error: unknown) =>
  fail(error instanceof WitnessInputError ? error.message : `${(error as Error).message}`),
);
if (verdict.status === 'refused') {
  process.stdout.write(`REFUSED: ${verdict.reason}\nevidence: ${verdict.evidence}\n`);
  process.exitCode = exitCodes.failed;
} else {
  const from =
    verdict.previousSize === null ? 'first checkpoint' : `extends ${verdict.previousSize}`;
  process.stderr.write(`witness: cosigned size ${verdict.size} (${from})\n`);
  const { posted } = verdict;
  if (posted && posted.status !== 200) {
    process.stderr.write(
      `witness: the log did not keep the cosignature (${posted.status}): ${posted.body}\n`,
    );
  }
  process.stdout.write(`${verdict.note}${verdict.line}`);
}
