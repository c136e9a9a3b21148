import { type BoardView, perView } from './board-view.ts';
import { isFollowed } from './input.ts';
import { chunkOf, itemAt, itemsOf, type SlotList } from './slot-list.ts';
import { changedSince } from './view-changes.ts';

/** Where `slot` is, or would go, in the ascending `slots`. */
const placeOf = (slots: readonly number[], slot: number): number => {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((slots[middle] as number) < slot) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** What a view's values per key were derived from: the parts, and each key's places among them. */
interface Kept<P, V> {
  serial: number;
  parts: SlotList<P>;
  slotsByKey: Map<string, number[]>;
  values: Map<string, V>;
}

/**
 * A value per key (a unit) derived from the parts of the tasks that name it
 * (`keysOf`), in the view's task order, remembered per view. Each chunk of
 * parts (see `SlotList`) is grouped by key once (`group`: what each key has in
 * it); a key's value is made from its pieces, one per chunk naming it, in
 * order (`combine`). A view of the documents held in memory takes the last
 * view's values and makes again only those of the keys named by the changed
 * tasks' parts, before or after (see `changedSince`), from the pieces of the
 * chunks, of which only the changed ones are grouped again: a board after a
 * write costs what the write changed and the size of the keys' values, not a
 * pass over each key's tasks. `group` and `combine` may read what a view
 * follows only while it is the same (see `perTaskOfView`); parts are never
 * changed in place.
 */
export const perKeyOfView = <P, C, V>(
  partsOf: (view: BoardView) => SlotList<P>,
  keysOf: (part: P) => Iterable<string>,
  group: (parts: readonly P[], view: BoardView) => ReadonlyMap<string, C>,
  combine: (key: string, pieces: readonly C[], view: BoardView) => V,
) => {
  let last: Kept<P, V> | null = null;
  const grouped = new WeakMap<readonly P[], ReadonlyMap<string, C>>();

  const groupOf = (chunk: readonly P[], view: BoardView): ReadonlyMap<string, C> => {
    let known = grouped.get(chunk);
    if (known === undefined) {
      known = group(chunk, view);
      grouped.set(chunk, known);
    }
    return known;
  };

  /** The key's value from its pieces: one per chunk holding one of its places (ascending). */
  const deriveAt = (view: BoardView, parts: SlotList<P>, key: string, slots: readonly number[]) => {
    const pieces: C[] = [];
    let chunkAt = -1;
    for (const slot of slots) {
      const at = chunkOf(slot);
      if (at === chunkAt) continue;
      chunkAt = at;
      const piece = groupOf(parts.chunks[at] as readonly P[], view).get(key);
      if (piece !== undefined) pieces.push(piece);
    }
    return combine(key, pieces, view);
  };

  const afresh = (view: BoardView, parts: SlotList<P>): Kept<P, V> => {
    const slotsByKey = new Map<string, number[]>();
    let slot = 0;
    for (const part of itemsOf(parts)) {
      for (const key of keysOf(part)) {
        const slots = slotsByKey.get(key);
        if (slots === undefined) slotsByKey.set(key, [slot]);
        else if (slots.at(-1) !== slot) slots.push(slot);
      }
      slot++;
    }
    const values = new Map<string, V>();
    for (const [key, slots] of slotsByKey) values.set(key, deriveAt(view, parts, key, slots));
    return { serial: view.serial, parts, slotsByKey, values };
  };

  const patched = (
    view: BoardView,
    parts: SlotList<P>,
    known: Kept<P, V>,
    changed: readonly number[],
  ): Kept<P, V> => {
    const slotsByKey = new Map(known.slotsByKey);
    const copied = new Set<string>();
    const own = (key: string): number[] => {
      const slots = slotsByKey.get(key) ?? [];
      if (copied.has(key)) return slots;
      const copy = slots.slice();
      copied.add(key);
      slotsByKey.set(key, copy);
      return copy;
    };
    for (const slot of changed) {
      for (const key of keysOf(itemAt(known.parts, slot))) {
        const slots = own(key);
        const at = placeOf(slots, slot);
        if (slots[at] === slot) slots.splice(at, 1);
      }
      for (const key of keysOf(itemAt(parts, slot))) {
        const slots = own(key);
        const at = placeOf(slots, slot);
        if (slots[at] !== slot) slots.splice(at, 0, slot);
      }
    }
    const values = new Map(known.values);
    for (const key of copied) {
      const slots = slotsByKey.get(key) as number[];
      if (slots.length === 0) {
        slotsByKey.delete(key);
        values.delete(key);
      } else {
        values.set(key, deriveAt(view, parts, key, slots));
      }
    }
    return { serial: view.serial, parts, slotsByKey, values };
  };

  return perView((view: BoardView): ReadonlyMap<string, V> => {
    const parts = partsOf(view);
    const changed = last && changedSince(view.serial, last.serial, view.tasks.length);
    const kept = last && changed ? patched(view, parts, last, changed) : afresh(view, parts);
    // Kept for the next held view; a past day's view is not followed by any.
    if (isFollowed(view.input)) last = kept;
    return kept.values;
  });
};
