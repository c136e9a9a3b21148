import { createHash, randomUUID } from 'node:crypto';

/** New ids for entities and events. */
export const newId = (): string => randomUUID();

/**
 * A uuid (version 5 layout, SHA-1) derived from a name: the same name gives the
 * same id. Used so that a retried command produces the same entity and event ids.
 */
export const deterministicId = (name: string): string => {
  const hash = createHash('sha1').update('dubanju:').update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
