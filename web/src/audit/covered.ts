import type { AuditEvent, TreeHead } from './types.ts';

/**
 * Whether the head covers the event: a head of size n covers the first n events
 * of the log, leaves 0…n − 1. The history names the event's leaf; a server older
 * than this console does not, and numbered its leaves by position (leaf i at
 * position i + 1), so the position stands in for it there.
 */
export const coveredBy = (event: AuditEvent, head: Pick<TreeHead, 'treeSize'>): boolean =>
  event.leafIndex == null ? event.position <= head.treeSize : event.leafIndex < head.treeSize;
