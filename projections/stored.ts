import type { Projection } from './projection.ts';

/** Any read-model document, as the projector loads it from the store. */
export type StoredDocument = { position: number } & Record<string, unknown>;

/**
 * Widens a projection for a list of them. Sound because a projection is only
 * handed documents of its own collection, which only it writes.
 */
export const stored = <D extends { position: number }>(
  projection: Projection<D>,
): Projection<StoredDocument> => projection as unknown as Projection<StoredDocument>;
