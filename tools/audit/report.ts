import type { BundleHeader } from './bundle.ts';
import type { CheckReport } from './check-log.ts';
import { keyIdOf } from './keys.ts';
import type { VerifyReport } from './verify-bundle.ts';

/** Beyond this many, further divergences are counted rather than listed. */
const LISTED = 20;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** The lines `audit:check` prints, and whether everything matched. */
export const checkLines = (report: CheckReport): { ok: boolean; lines: string[] } => {
  const { divergences, headProblems, warnings, chain } = report;
  const [first, ...rest] = divergences;
  const lines: string[] = [];
  if (first) lines.push(`first divergence at position ${first.position}: ${first.what}`);
  lines.push(...rest.slice(0, LISTED).map((d) => `also at position ${d.position}: ${d.what}`));
  if (rest.length > LISTED) lines.push(`… and ${rest.length - LISTED} more divergences`);
  lines.push(...headProblems, ...warnings.map((warning) => `warning: ${warning}`));
  const ok = divergences.length === 0 && headProblems.length === 0;
  if (ok) lines.unshift(checkSummary(report));
  else if (!first) {
    lines.push(`no divergence from the ${plural(chain.valid.length, 'head')} that verify`);
  }
  const failing = headProblems.length === 1 ? 'does not verify' : 'do not verify';
  const verdict = `check FAILED: ${plural(divergences.length, 'divergence')}; ${plural(headProblems.length, 'head')} ${failing}`;
  return { ok, lines: ok ? lines : [...lines, verdict] };
};

const checkSummary = ({ chain, scan, agreedSize, recordChecked }: CheckReport): string => {
  const latest = chain.valid[chain.valid.length - 1];
  if (!latest) {
    return `No signed tree head yet: the log of ${plural(scan.count, 'event')} has nothing to be checked against.`;
  }
  const heads =
    chain.valid.length === 1
      ? 'its signed tree head'
      : `all ${chain.valid.length} signed tree heads`;
  const uncovered = scan.size - agreedSize;
  return [
    `The log of ${plural(scan.count, 'event')}, recomputed from the events, matches ${heads};`,
    `the latest covers ${latest.head.treeSize} (signed at ${latest.head.signedAt}, key ${keyIdOf(chain.key!)}).`,
    uncovered === 0
      ? 'Every event is covered by a head.'
      : `${plural(uncovered, 'later event')} ${uncovered === 1 ? 'awaits' : 'await'} the next head.`,
    recordChecked
      ? 'The audit record (audit.sqlite) agrees leaf by leaf.'
      : 'No audit record was compared.',
  ].join(' ');
};

/** Said of a bundle whose events carry no leaf index: what the verdict then rests on. */
const assumedLeafLine = (count: number): string[] =>
  count === 0
    ? []
    : [
        `note: ${plural(count, 'event')} of this bundle ${count === 1 ? 'states' : 'state'} no leaf index ` +
          '(a bundle written before leaf indexes were exported): each was taken as leaf position − 1, ' +
          'which holds only on a log numbered 1, 2, 3… without gaps (the embedded SQLite log, PostgreSQL).',
      ];

/**
 * The lines `audit:verify` prints: one summary paragraph, or each failure then a
 * verdict; and, for an older bundle, what its leaf indexes were taken to be.
 */
export const verifyLines = (
  report: VerifyReport,
  header: BundleHeader,
  pinned: boolean,
): string[] => {
  const assumed = assumedLeafLine(report.assumedLeafIndexes);
  if (!report.ok) {
    return [
      ...report.failures,
      ...assumed,
      `verification FAILED: ${plural(report.failures.length, 'problem')}`,
    ];
  }
  const { head } = header;
  const selection = report.selectionSigned
    ? 'the signed selection lists exactly these events'
    : 'the selection is NOT signed, so events left out of the bundle could not be noticed';
  return [
    `Verified ${plural(report.eventsVerified, 'event')} against the signed tree head of size ${report.treeSize} ` +
      `(root ${head.rootHash}, signed at ${head.signedAt}) with Ed25519 key ${report.keyId}` +
      `${pinned ? ' (pinned)' : ' (the bundle’s own; pin it with --key to rule out another signer)'}: ` +
      `every leaf hash recomputed from the event’s content, every inclusion proof, ` +
      `${plural(report.heads, 'head signature')} and ${plural(Math.max(0, report.heads - 1), 'consistency proof')} ` +
      `between them hold, and ${selection}.`,
    ...assumed,
  ];
};
