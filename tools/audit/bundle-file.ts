import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  asBundle,
  asBundleHeader,
  asSelection,
  BundleFormatError,
  type BundleHeader,
  type BundleSelection,
} from './bundle.ts';
import { eventsOpening, selectionOpening } from './bundle-layout.ts';
import {
  startVerification,
  type VerifyOptions,
  type VerifyReport,
  verifyBundle,
} from './verify-bundle.ts';

/** The verdict on a bundle file, and the header it was judged against. */
export interface FileVerdict {
  report: VerifyReport;
  header: BundleHeader;
}

const parseLine = (text: string, line: number): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BundleFormatError(`line ${line}: ${(error as Error).message}`);
  }
};

/**
 * Verifies a file in the exporter's layout one line at a time: a bundle of a
 * million events (about 2 GB) is more than one string can hold, and its events
 * never need to be in memory together.
 */
const verifyByLines = async (
  lines: AsyncIterator<string>,
  firstLine: string,
  options: VerifyOptions,
): Promise<FileVerdict> => {
  const header = asBundleHeader(parseLine(`${firstLine.slice(0, -eventsOpening.length)}}`, 1));
  const verification = startVerification(header, options);
  let selection: BundleSelection | undefined;
  for (let line = 2; ; line++) {
    const next = await lines.next();
    if (next.done) break;
    const text = next.value;
    if (selection !== undefined || text === '') {
      if (text.trim() !== '') throw new BundleFormatError(`line ${line}: text after the selection`);
    } else if (text.startsWith(selectionOpening)) {
      if (!text.endsWith('}'))
        throw new BundleFormatError(`line ${line}: the bundle is not closed`);
      selection = asSelection(parseLine(text.slice(selectionOpening.length, -1), line));
    } else {
      verification.event(parseLine(text.endsWith(',') ? text.slice(0, -1) : text, line));
    }
  }
  if (!selection) throw new BundleFormatError('selection: missing (the file ends early)');
  return { report: verification.finish(selection), header };
};

/**
 * Verifies a bundle file offline: line by line when it has the exporter's layout,
 * otherwise (a bundle rewritten by some other tool) parsed whole. Throws a
 * BundleFormatError for a file that is not a bundle at all.
 */
export const verifyBundleFile = async (
  file: string,
  options: VerifyOptions = {},
): Promise<FileVerdict> => {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]();
  try {
    const first = await lines.next();
    if (!first.done && first.value.endsWith(eventsOpening)) {
      return await verifyByLines(lines, first.value, options);
    }
  } finally {
    input.destroy();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BundleFormatError((error as Error).message);
  }
  const bundle = asBundle(parsed);
  return { report: verifyBundle(bundle, options), header: bundle };
};
