/** A small least-recently-used cache: the oldest entries go when a new one would overflow it. */
export interface Lru<K, V> {
  get(key: K): V | undefined;
  /** Keeps `value` under `key`, weighing `weight` (what it holds, in the cache's unit). */
  set(key: K, value: V, weight?: number): void;
  /** Tells what the entry under `key` weighs, once known (a value computed later). */
  weigh(key: K, weight: number): void;
  delete(key: K): void;
  readonly size: number;
  /** What the entries weigh together. */
  readonly weight: number;
}

/**
 * An LRU cache holding at most `capacity` entries that weigh at most
 * `maxWeight` together; the entry used last always stays, whatever it weighs.
 */
export const createLru = <K, V>(
  capacity: number,
  maxWeight = Number.POSITIVE_INFINITY,
): Lru<K, V> => {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`LRU capacity ${capacity}: must be a whole number of at least 1`);
  }
  if (!(maxWeight >= 0)) throw new RangeError(`LRU weight ${maxWeight}: must be at least 0`);
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  const entries = new Map<K, { value: V; weight: number }>();
  let total = 0;
  const remove = (key: K) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    total -= entry.weight;
    entries.delete(key);
  };
  const evict = () => {
    for (const oldest of entries.keys()) {
      if (entries.size <= 1 || (entries.size <= capacity && total <= maxWeight)) break;
      remove(oldest);
    }
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, weight = 0) {
      remove(key);
      entries.set(key, { value, weight });
      total += weight;
      evict();
    },
    weigh(key, weight) {
      const entry = entries.get(key);
      if (entry === undefined) return;
      total += weight - entry.weight;
      entry.weight = weight;
      evict();
    },
    delete(key) {
      remove(key);
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return total;
    },
  };
};
