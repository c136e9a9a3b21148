import { decodeCursor, encodeCursor } from '../../contracts/cursor.ts';
import { DomainError } from '../../contracts/errors.ts';

const refusal = (cursor: string, field?: string): DomainError => {
  try {
    decodeCursor(cursor, field);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${cursor} to be refused`);
};

describe('a cursor returned by a page', () => {
  it.each([0, 1, 49, 12345, 999_999_999])('of item %i leads to the item after it', (offset) => {
    expect(decodeCursor(encodeCursor(offset))).toBe(offset + 1);
  });

  it('is opaque url-safe text', () => {
    const cursor = encodeCursor(12345);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('12345');
  });

  it('differs from the cursor of another item', () => {
    expect(encodeCursor(1)).not.toBe(encodeCursor(2));
  });
});

describe('no cursor', () => {
  it.each([
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
  ])('as %s starts at the first item', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBe(0);
  });
});

describe('a cursor not returned by a page', () => {
  const encoded = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['garbage', 'garbage'],
    ['a truncated cursor', encodeCursor(5).slice(0, -1)],
    ['a cursor with bytes appended', `${encodeCursor(5)}AA`],
    ['a cursor with a non-digit offset', encoded('o:5x')],
    ['a cursor with a negative offset', encoded('o:-1')],
    ['a cursor with a ten-digit offset', encoded('o:1234567890')],
    ['a cursor of another prefix', encoded('p:5')],
    ['a cursor in plain text', 'o:5'],
    ['a cursor with characters outside base64url', `${encodeCursor(5)}!!`],
    ['a cursor with a space inside', `b zo1`],
  ])('as %s is refused as VALIDATION of after', (_name, cursor) => {
    const error = refusal(cursor);
    expect(error.code).toBe('VALIDATION');
    expect(error.details.field).toBe('after');
    expect(error.message.startsWith('after')).toBe(true);
  });

  it('is refused naming the field it came in', () => {
    expect(refusal('garbage', 'before').details.field).toBe('before');
  });
});
