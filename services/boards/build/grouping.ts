/** Adds `value` to its group under `key`: groups keep their values in the order added. */
export const groupInto = <T>(groups: Map<string, T[]>, key: string, value: T): void => {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
};
