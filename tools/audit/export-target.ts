import type { KeyObject } from 'node:crypto';
import type { BundleHead } from './bundle.ts';
import type { CheckReport } from './check-log.ts';
import { keyIdOf, rawPublicKeyOf } from './keys.ts';

/** The export will not prove a log that disagrees with its own signed heads. */
export class ExportRefused extends Error {
  readonly lines: string[];

  constructor(lines: string[]) {
    super(lines[0] ?? 'export refused');
    this.name = 'ExportRefused';
    this.lines = lines;
  }
}

/** The head the proofs go to: the largest valid one, after refusing any doubt before it. */
export const targetHead = (report: CheckReport): BundleHead => {
  const lines = [...report.headProblems];
  const latest = report.chain.valid[report.chain.valid.length - 1];
  if (!latest) {
    lines.push(
      'no signed tree head yet: start the system (its audit service signs them) or sign one',
    );
  }
  const size = latest?.head.treeSize ?? 0;
  const blocking = report.divergences.filter((divergence) => divergence.position <= size);
  lines.push(
    ...blocking.map(({ position, what }) => `divergence at position ${position}: ${what}`),
  );
  if (lines.length > 0 || !latest) throw new ExportRefused(lines);
  return { ...latest.head, position: latest.position };
};

/** The signing key must be the heads' key, or the selection it signs would not verify. */
export const checkSigningKey = (signingKey: KeyObject | null, headKey: Buffer): void => {
  if (!signingKey) return;
  const raw = rawPublicKeyOf(signingKey);
  if (!raw.equals(headKey)) {
    throw new ExportRefused([
      `the signing key ${keyIdOf(raw)} is not the key the heads are signed with (${keyIdOf(headKey)})`,
    ]);
  }
};
