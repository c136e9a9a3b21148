import { validationError } from '../../contracts/errors.ts';

/**
 * A history page cursor: the tree size the first page was taken at (so later
 * pages see the same snapshot and the same total) and the last position returned.
 * base64url so clients do not build them.
 */
export interface HistoryCursor {
  asOf: number;
  position: number;
}

export const encodeHistoryCursor = (cursor: HistoryCursor): string =>
  Buffer.from(`h:${cursor.asOf}:${cursor.position}`).toString('base64url');

/** The cursor, or VALIDATION naming `field` for anything an earlier page did not return. */
export const decodeHistoryCursor = (value: string, field = 'after'): HistoryCursor => {
  // Node's decoder skips characters outside the alphabet; refuse them first.
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(value)
    ? Buffer.from(value, 'base64url').toString()
    : '';
  const match = /^h:(\d{1,15}):(\d{1,15})$/.exec(decoded);
  const asOf = Number(match?.[1]);
  const position = Number(match?.[2]);
  if (!match || position > asOf) {
    throw validationError(field, 'must be a cursor returned by an earlier page');
  }
  return { asOf, position };
};
