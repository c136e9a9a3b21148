import type { AppendResult, NewEvent } from '../port.ts';

/** Where an already stored event sits. */
export interface StoredPlace {
  streamId: string;
  revision: number;
  position: number;
}

/**
 * Decides what an earlier append of some of these ids means, given where each id
 * of the batch is already stored (undefined: not stored). Returns the original
 * result when the whole batch is already in this stream, undefined when none of
 * it is stored, and throws for anything in between: a retry must match exactly,
 * and an id belongs to one stream only.
 */
export function priorAppendResult(
  streamId: string,
  events: readonly NewEvent[],
  places: readonly (StoredPlace | undefined)[],
): AppendResult | undefined {
  const stored = places.filter((place) => place !== undefined);
  if (stored.length === 0) return undefined;
  places.forEach((place, index) => {
    if (place !== undefined && place.streamId !== streamId) {
      throw new Error(
        `event ${events[index]?.id} is already stored in stream ${place.streamId}, not ${streamId}`,
      );
    }
  });
  if (stored.length < events.length) {
    throw new Error(
      `stream ${streamId}: ${stored.length} of the batch's ${events.length} event ids are already stored`,
    );
  }
  return {
    nextRevision: stored[stored.length - 1]!.revision,
    positions: stored.map((place) => place.position),
    duplicate: true,
  };
}
