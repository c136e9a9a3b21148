import { DomainError } from '../../contracts/errors.ts';
import { decodeHistoryCursor, encodeHistoryCursor } from '../../services/audit/search-cursor.ts';

const refusal = (value: string): DomainError => {
  try {
    decodeHistoryCursor(value);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${value} to be refused`);
};

describe('a history cursor', () => {
  it('reads back the snapshot and the position it was made from', () => {
    const cursor = { asOf: 1_000_000, position: 999_123 };
    expect(decodeHistoryCursor(encodeHistoryCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['another kind of cursor', Buffer.from('o:5').toString('base64url')],
    ['a position past its snapshot', Buffer.from('h:5:6').toString('base64url')],
    ['a negative position', Buffer.from('h:5:-1').toString('base64url')],
    ['an empty string', ''],
  ])('made of %s is refused as VALIDATION naming after', (_, value) => {
    const error = refusal(value);
    expect(error.code).toBe('VALIDATION');
    expect(error.details.field).toBe('after');
  });
});
