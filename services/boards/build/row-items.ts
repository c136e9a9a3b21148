import { decodeKeyCursor, encodeKeyCursor } from '../../../contracts/cursor.ts';
import { type Page, type PageArgs, pageFrom } from './paging.ts';

/**
 * How many items of an itemised list (deductions, failed tasks, records) a
 * board row carries: a row's size stays bounded whatever the log holds; the
 * row counts them all, and the list queries page through the rest.
 */
export const itemsOnRow = 20;

/** The first items of `items` that a board row carries. */
export const firstItems = <T>(items: readonly T[]): T[] => items.slice(0, itemsOnRow);

/**
 * One page of a row's itemised list (`list` names it and its owner), in the
 * list's own order. A cursor names an item by its place and its id: the next
 * page starts after that item wherever it now stands, or after its place when
 * it is gone; a cursor of another list or owner is refused.
 */
export const itemPage = <T>(
  items: readonly T[],
  args: PageArgs,
  list: string,
  id: (item: T) => string,
): Page<T> => {
  const start = args.after ? placeAfter(items, args.after, list, id) : 0;
  return pageFrom(items, start, args.first, (item, place) =>
    encodeKeyCursor({ field: list, value: place, id: id(item) }),
  );
};

/** The place after the item a cursor of `list` names. */
const placeAfter = <T>(
  items: readonly T[],
  after: string,
  list: string,
  id: (item: T) => string,
): number => {
  const at = decodeKeyCursor(
    after,
    list,
    'after',
    '',
    'must be a cursor of the same list and owner',
  );
  const place = typeof at.value === 'number' && Number.isSafeInteger(at.value) ? at.value : -1;
  const item = items[place];
  // The item still at its place: after it. Otherwise the same id, wherever it now stands.
  if (item !== undefined && id(item) === at.id) return place + 1;
  const moved = items.findIndex((candidate) => id(candidate) === at.id);
  return moved === -1 ? Math.min(place + 1, items.length) : moved + 1;
};
