import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { BundleEvent, BundleHeader, BundleSelection } from './bundle.ts';
import { eventsOpening, selectionOpening } from './bundle-layout.ts';

/** Bytes gathered before each write: few system calls, bounded memory. */
const CHUNK_BYTES = 1 << 20;

/**
 * Writes a bundle as it is produced, so a million events never sit in memory as
 * one string, in the layout of `bundle-layout.ts`. It is written beside
 * `file` and renamed into place at `finish`, so a failed export leaves no half file.
 */
export const openBundleWriter = (file: string, header: BundleHeader) => {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o644);
  let pending: string[] = [];
  let pendingBytes = 0;
  let events = 0;
  const flush = () => {
    if (pending.length > 0) writeSync(fd, pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  const write = (text: string) => {
    pending.push(text);
    pendingBytes += text.length;
    if (pendingBytes >= CHUNK_BYTES) flush();
  };
  write(`${JSON.stringify(header).slice(0, -1)}${eventsOpening}`);
  return {
    event(event: BundleEvent) {
      write(`${events === 0 ? '\n' : ',\n'}${JSON.stringify(event)}`);
      events += 1;
    },
    finish(selection: BundleSelection) {
      write(`\n${selectionOpening}${JSON.stringify(selection)}}\n`);
      flush();
      closeSync(fd);
      renameSync(partial, file);
    },
    abandon() {
      closeSync(fd);
      rmSync(partial, { force: true });
    },
  };
};
