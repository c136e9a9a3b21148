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
