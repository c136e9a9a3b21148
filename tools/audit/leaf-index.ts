// Where an event stands in the audit tree. The audit numbers its leaves 0, 1, 2… in
// log order, while global positions only strictly increase from 1 and may have gaps
// (a KurrentDB commit position, a PostgreSQL sequence): leaf i is position i + 1 only
// on a log without gaps. The leaf index a bundle states is not trusted by itself:
// the proof shows the leaf, which covers the event's position and content, at that
// index in the signed tree; these rules hold for any log and cost nothing.

/** An event's leaf index, and whether the bundle stated it or it was taken as position − 1. */
export interface LeafPlace {
  index: number;
  /** The bundle carries no leaf index (written before they were exported). */
  assumed: boolean;
}

/** The leaf index the entry states, or position − 1 for an entry of a bundle without them. */
export const leafPlaceOf = (event: { position: number; leafIndex?: unknown }): LeafPlace =>
  event.leafIndex === undefined
    ? { index: event.position - 1, assumed: true }
    : { index: event.leafIndex as number, assumed: false };

/**
 * What no log allows of an event's leaf index, or null. Positions start at 1 and
 * strictly increase, so the event at leaf i has at least i events before it and a
 * position of at least i + 1; a head of size n covers leaves 0…n − 1.
 */
export const leafIndexProblem = (
  place: LeafPlace,
  position: number,
  treeSize: number,
): string | null => {
  const { index, assumed } = place;
  if (!assumed && (!Number.isSafeInteger(index) || index < 0)) {
    return 'leaf index is not a whole number from 0';
  }
  if (index > position - 1) {
    return `leaf index ${index} is past position ${position} − 1, where no log places an event`;
  }
  if (index >= treeSize) {
    const stated = assumed ? '' : `leaf index ${index} is `;
    return `${stated}beyond the head's tree size ${treeSize}, so not covered by it`;
  }
  return null;
};

/** An event placed in the tree by the leaf index its bundle states. */
export interface PlacedEvent {
  position: number;
  index: number;
}

/**
 * Leaves follow the log's order: in a bundle, the leaf indexes stated must
 * strictly increase with the positions. Names each event whose leaf index is
 * not past the one of the event before it (by position). Equal positions are
 * the order check's to name.
 */
export const leafOrderFindings = (
  placed: readonly PlacedEvent[],
): { position: number; text: string }[] => {
  const sorted = [...placed].sort((a, b) => a.position - b.position);
  const findings: { position: number; text: string }[] = [];
  sorted.forEach((event, i) => {
    const before = sorted[i - 1];
    if (before && before.position < event.position && before.index >= event.index) {
      findings.push({
        position: event.position,
        text: `leaf index ${event.index} is not after leaf index ${before.index} of position ${before.position}: leaves follow the log's order`,
      });
    }
  });
  return findings;
};
