/** Replaces each item `matches` picks by `change(item)`, leaving the others as they are. */
export const updateWhere = <T>(
  items: readonly T[],
  matches: (item: T) => boolean,
  change: (item: T) => T,
): T[] => items.map((item) => (matches(item) ? change(item) : item));

/** Replaces the item with `id` by `change(item)`, leaving the others as they are. */
export const updateItem = <T extends { id: string }>(
  items: readonly T[],
  id: string,
  change: (item: T) => T,
): T[] => updateWhere(items, (item) => item.id === id, change);

/** Replaces the last item by `change(item)`; an empty list stays empty. */
export const updateLast = <T>(items: readonly T[], change: (item: T) => T): T[] =>
  items.map((item, index) => (index === items.length - 1 ? change(item) : item));
