/** Adds `value` to its group under `key`: groups keep their values in the order added. */
export const groupInto = <K, T>(groups: Map<K, T[]>, key: K, value: T): void => {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
};

/** `items` grouped by `key`, each group in the order given, groups in the order first seen. */
export const groupedBy = <K, T>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) groupInto(groups, key(item), item);
  return groups;
};
