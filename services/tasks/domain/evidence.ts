import { validationError } from '../../../contracts/errors.ts';
import type { Evidence } from '../../../contracts/events/task-events.ts';
import { requiredText } from './rules.ts';

/** Entries per report; a report needing more files bundles them. */
export const maxEvidence = 20;
/** File names as most file systems allow them. */
export const maxFileNameLength = 255;

const sha256Pattern = /^[0-9a-f]{64}$/;

const evidenceEntry = (entry: Evidence, index: number): Evidence => {
  const field = `evidence[${index}]`;
  const fileName = requiredText(`${field}.fileName`, entry.fileName, maxFileNameLength);
  if (typeof entry.sha256 !== 'string' || !sha256Pattern.test(entry.sha256)) {
    throw validationError(`${field}.sha256`, 'a SHA-256 as 64 lowercase hex digits');
  }
  if (!Number.isSafeInteger(entry.size) || entry.size < 0) {
    throw validationError(`${field}.size`, 'a whole number of bytes, 0 or more');
  }
  return { fileName, sha256: entry.sha256, size: entry.size };
};

/**
 * Evidence (佐证材料) names files by hash so that a file swapped later is
 * detected; the list is copied so the event never shares the command's arrays.
 */
export const evidenceList = (entries: readonly Evidence[]): Evidence[] => {
  if (entries.length > maxEvidence) {
    throw validationError('evidence', `at most ${maxEvidence} files`);
  }
  return entries.map(evidenceEntry);
};
