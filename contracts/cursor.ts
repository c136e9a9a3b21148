import { validationError } from './errors.ts';

/** Opaque page cursors: the offset of the item, base64url so clients do not build them. */
export const encodeCursor = (offset: number): string =>
  Buffer.from(`o:${offset}`).toString('base64url');

export const decodeCursor = (cursor: string | null | undefined, field = 'after'): number => {
  if (!cursor) return 0;
  // Node's decoder skips characters outside the alphabet; refuse them first.
  const decoded = /^[A-Za-z0-9_-]{1,24}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString()
    : '';
  const match = /^o:(\d{1,9})$/.exec(decoded);
  if (!match) throw validationError(field, 'must be a cursor returned by an earlier page');
  return Number(match[1]) + 1;
};

/** Where a page sorted on one field ended: that field, the last item's value of it, its id. */
export interface KeyCursor {
  field: string;
  value: string | number | boolean | null;
  id: string;
}

const isKeyValue = (value: unknown): value is KeyCursor['value'] =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** A keyset cursor: opaque to clients (base64url JSON), read back only by `decodeKeyCursor`. */
export const encodeKeyCursor = (key: KeyCursor): string =>
  Buffer.from(JSON.stringify(['k', key.field, key.value, key.id])).toString('base64url');

/**
 * The position a keyset cursor names, for a page sorted on `field`; refused
 * (naming `name`) when it is not a cursor this API gave, or one of a page in
 * another order (asked by the argument `sortArgument`), or of what `otherwise`
 * says when given.
 */
export const decodeKeyCursor = (
  cursor: string,
  field: string,
  name = 'after',
  sortArgument = 'sortBy',
  otherwise = `must be a cursor of a page in the same order (${sortArgument})`,
): KeyCursor => {
  const refused = () => validationError(name, 'must be a cursor returned by an earlier page');
  if (!/^[A-Za-z0-9_-]{1,2800}$/.test(cursor)) throw refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== 'k') throw refused();
  const [, sortedOn, value, id] = parsed as unknown[];
  if (typeof sortedOn !== 'string' || typeof id !== 'string' || !isKeyValue(value)) throw refused();
  if (sortedOn !== field) throw validationError(name, otherwise);
  return { field, value, id };
};
