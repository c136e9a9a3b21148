/** Copy-on-write helpers for the immutable maps and sets of the task state. */

export const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V): Map<string, V> =>
  new Map(map).set(key, value);

/** Changes the entry at `key`; a missing entry leaves the map as it is. */
export const withChanged = <V>(
  map: ReadonlyMap<string, V>,
  key: string,
  change: (value: V) => V,
): ReadonlyMap<string, V> => {
  const value = map.get(key);
  return value === undefined ? map : withEntry(map, key, change(value));
};

export const withMember = (set: ReadonlySet<string>, value: string): Set<string> =>
  new Set(set).add(value);

export const withoutMember = (set: ReadonlySet<string>, value: string | null): Set<string> => {
  const copy = new Set(set);
  if (value !== null) copy.delete(value);
  return copy;
};
