import type { Evidence } from '../../../contracts/events/task-events.ts';

/**
 * Evidence (佐证材料) names files by hash so that a file swapped later is
 * detected; the list is copied so the event never shares the command's arrays.
 */
export const evidenceList = (entries: readonly Evidence[]): Evidence[] =>
  entries.map(({ fileName, sha256, size }) => ({ fileName, sha256, size }));
