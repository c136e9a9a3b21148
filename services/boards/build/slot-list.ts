/** Items per chunk: a write copies one chunk of each list it changes, not the list. */
const chunkBits = 9;
const chunkSize = 1 << chunkBits;
const inChunk = chunkSize - 1;

/**
 * A list of one item per place (a view's supervised tasks, in order), kept in
 * chunks of `chunkSize` (the last one shorter). A version with a few places
 * changed copies their chunks and shares every other chunk with the version
 * before: no copy of the whole list, and two versions told apart chunk by
 * chunk. Chunks are never changed once made.
 */
export interface SlotList<T> {
  readonly length: number;
  readonly chunks: readonly (readonly T[])[];
}

/** The list of `length` places, each item `itemAt` its place. */
export const slotListOf = <T>(length: number, itemAt: (slot: number) => T): SlotList<T> => {
  const chunks: T[][] = [];
  for (let start = 0; start < length; start += chunkSize) {
    const end = Math.min(start + chunkSize, length);
    const chunk = new Array<T>(end - start);
    for (let slot = start; slot < end; slot++) chunk[slot - start] = itemAt(slot);
    chunks.push(chunk);
  }
  return { length, chunks };
};

/** Which chunk holds the item at `slot`. */
export const chunkOf = (slot: number): number => slot >>> chunkBits;

/** The item at `slot` (0 ≤ slot < length). */
export const itemAt = <T>(list: SlotList<T>, slot: number): T =>
  (list.chunks[slot >>> chunkBits] as readonly T[])[slot & inChunk] as T;

/**
 * `list` with the items at `slots` made again (`itemAt` each): the chunks
 * holding them copied once, every other chunk shared.
 */
export const withSlots = <T>(
  list: SlotList<T>,
  slots: readonly number[],
  itemAt: (slot: number) => T,
): SlotList<T> => {
  if (slots.length === 0) return list;
  const chunks = list.chunks.slice();
  const copied = new Set<number>();
  for (const slot of slots) {
    const index = slot >>> chunkBits;
    if (!copied.has(index)) {
      chunks[index] = (chunks[index] as readonly T[]).slice();
      copied.add(index);
    }
    (chunks[index] as T[])[slot & inChunk] = itemAt(slot);
  }
  return { length: list.length, chunks };
};

/** Every item, in order. */
export function* itemsOf<T>(list: SlotList<T>): Generator<T> {
  for (const chunk of list.chunks) yield* chunk;
}

/**
 * A function of each chunk (a filter, a flattening), remembered per chunk: a
 * new version of a list computes it again for its new chunks only.
 */
export const perChunk = <T, R>(of: (chunk: readonly T[]) => R) => {
  const memo = new WeakMap<readonly T[], R>();
  return (chunk: readonly T[]): R => {
    let known = memo.get(chunk);
    if (known === undefined) {
      known = of(chunk);
      memo.set(chunk, known);
    }
    return known;
  };
};

/**
 * The items `keep` keeps, in order, each chunk filtered once: after a write,
 * only the chunks it changed are looked at again.
 */
export const keptItems = <T, S extends T>(keep: (item: T) => item is S) => {
  const keptOf = perChunk((chunk: readonly T[]) => chunk.filter(keep));
  return (list: SlotList<T>): S[] => {
    const kept: S[] = [];
    for (const chunk of list.chunks) for (const item of keptOf(chunk)) kept.push(item);
    return kept;
  };
};

/**
 * The lists of every place joined, in order, each chunk's joined once: after
 * a write, only the chunks it changed are joined again.
 */
export const joinedItems = <T>() => {
  const joinedOf = perChunk((chunk: readonly (readonly T[])[]) => chunk.flat() as T[]);
  return (list: SlotList<readonly T[]>): T[] => {
    const joined: T[] = [];
    for (const chunk of list.chunks) for (const item of joinedOf(chunk)) joined.push(item);
    return joined;
  };
};
