/** What a layer says of a key: its value now, or that it was removed. */
const removed: unique symbol = Symbol('removed');

/**
 * A map that never changes, made of a base map and the changes made since it
 * was taken (a small layer over it, copied for each new map): a new version
 * after a change costs the changes since the base, not a copy of every entry.
 * Read it as any `ReadonlyMap`.
 */
class LayeredMap<K, V extends {}> implements ReadonlyMap<K, V> {
  readonly #base: ReadonlyMap<K, V>;
  readonly #layer: ReadonlyMap<K, V | typeof removed>;
  readonly size: number;

  /** The full copy under it, and the keys changed since (`changedKeys`). */
  get base(): ReadonlyMap<K, V> {
    return this.#base;
  }

  layerKeys(): Iterable<K> {
    return this.#layer.keys();
  }

  constructor(base: ReadonlyMap<K, V>, layer: ReadonlyMap<K, V | typeof removed>, size: number) {
    this.#base = base;
    this.#layer = layer;
    this.size = size;
  }

  get(key: K): V | undefined {
    const layered = this.#layer.get(key);
    if (layered === undefined) return this.#base.get(key);
    return layered === removed ? undefined : layered;
  }

  has(key: K): boolean {
    const layered = this.#layer.get(key);
    return layered === undefined ? this.#base.has(key) : layered !== removed;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.#base) {
      if (!this.#layer.has(key)) yield [key, value];
    }
    for (const [key, value] of this.#layer) {
      if (value !== removed) yield [key, value];
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(each: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) each(value, key, this);
  }
}

/**
 * A map kept up to date one change at a time and handed out as versions that
 * never change (`current`). The changes since the last full copy are layered
 * over it; once they number more than `flattenAt` (or a sixteenth of the
 * entries), the next version is a full copy again: each change costs about a
 * sixteenth of a copy at most, spread out.
 */
export const createVersionedMap = <K, V extends {}>(flattenAt = 4096) => {
  const now = new Map<K, V>();
  let base = new Map<K, V>();
  let layer = new Map<K, V | typeof removed>();
  let version: ReadonlyMap<K, V> = base;
  let changed = false;

  return {
    set(key: K, value: V): void {
      now.set(key, value);
      layer.set(key, value);
      changed = true;
    },
    delete(key: K): void {
      if (!now.delete(key)) return;
      layer.set(key, removed);
      changed = true;
    },
    /** The map as it is now: the same object while nothing changed; never changed after. */
    current(): ReadonlyMap<K, V> {
      if (!changed) return version;
      changed = false;
      if (layer.size > Math.max(flattenAt, now.size / 16) || layer.size >= now.size) {
        base = new Map(now);
        layer = new Map();
        version = base;
      } else {
        version = new LayeredMap(base, new Map(layer), now.size);
      }
      return version;
    },
  };
};

/** The full copy a version is, or is layered over. */
const baseOf = <K, V>(map: ReadonlyMap<K, V>): ReadonlyMap<K, V> =>
  map instanceof LayeredMap ? map.base : map;

const layerKeysOf = <K, V>(map: ReadonlyMap<K, V>): Iterable<K> =>
  map instanceof LayeredMap ? map.layerKeys() : [];

/**
 * The keys whose values may differ between two versions of one versioned map,
 * `before` and the later `now` (every other key has the same value in both),
 * when both are the same full copy or layered over it: the keys changed since
 * that copy. Null when that cannot be told without comparing every key.
 */
export const changedKeys = <K, V>(
  before: ReadonlyMap<K, V>,
  now: ReadonlyMap<K, V>,
): Iterable<K> | null => (baseOf(before) === baseOf(now) ? layerKeysOf(now) : null);
