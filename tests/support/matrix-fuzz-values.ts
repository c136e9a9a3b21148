import fc from 'fast-check';
import { limits } from '../../contracts/limits.ts';

/**
 * Leaf values for fuzzing inputs: mostly of the right GraphQL type so that the
 * services' own rules are reached, with the edges those rules guard (lengths,
 * ranges, formats) and a share of plain garbage.
 */

/** Long enough to pass every limit, in one- to four-byte characters and in whitespace. */
const hugeText = fc
  .tuple(
    fc.integer({ min: 201, max: 20_000 }),
    fc.constantFrom('x', '汉', '😀', ' ', '\u0000', 'a\u0301'),
  )
  .map(([count, unit]) => unit.repeat(count));

/** Strings that have broken parsers, logs and stores elsewhere. */
const nastyText = fc.constantFrom(
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  '\u200b',
  '\ufeff',
  'a\ud800b',
  '\udfff',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '../../../etc/passwd',
  '%s%n%x',
  '$' + '{process.env}',
  '{"$gt": ""}',
  'Ω≈ç√∫˜µ≤≥÷',
  '𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐',
  '‮right-to-left',
);

/** Text as people type it: ASCII, any printable grapheme, any code point, or the nasty and huge. */
export const textValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('理由', '已完成', '教育局', 'Report', 'ok') },
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 2, arbitrary: nastyText },
    { weight: 1, arbitrary: hugeText },
  );

const idPattern = new RegExp(limits.idPattern.source);

/** Ids the scenario created, well-formed strangers, malformed ones and numbers (GraphQL IDs take both). */
export const idValue = (known: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.stringMatching(idPattern) },
    { weight: 1, arbitrary: fc.string({ minLength: 65, maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 1, arbitrary: nastyText },
    { weight: 1, arbitrary: fc.integer() },
  );

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Calendar days: plausible ones, the range's edges and beyond, impossible days and other formats. */
export const dateValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .date({ min: new Date('2020-06-01T00:00:00Z'), max: new Date('2022-06-01T00:00:00Z') })
        .filter((date) => !Number.isNaN(date.getTime()))
        .map(isoDay),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '2000-01-01',
        '2100-12-31',
        '1999-12-31',
        '2101-01-01',
        '2021-02-29',
        '2021-02-30',
        '2021-13-01',
        '2021-00-10',
        '0000-00-00',
        '9999-12-31',
        '2021-3-1',
        '20210301',
        '2021-03-01T00:00:00Z',
        '2021-03-01 ',
        '+002021-03-01',
        '-2021-03-01',
        '',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.integer() },
  );

/** Timestamps: real ones, unreal ones and text. */
export const dateTimeValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z') })
      .filter((date) => !Number.isNaN(date.getTime()))
      .map((date) => date.toISOString()),
    fc.constantFrom('2021-02-30T25:61:00Z', '2021-03-01T08:00:00+08:00', 'yesterday', ''),
    fc.string({ maxLength: 40 }),
  );

/** Whole numbers in and far outside 32 bits, plus fractions (GraphQL Int refuses what it cannot hold). */
export const intValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -5, max: 105 }) },
    { weight: 2, arbitrary: fc.integer() },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        0,
        -1,
        2 ** 31,
        -(2 ** 31) - 1,
        2 ** 53,
        Number.MAX_SAFE_INTEGER,
        1e21,
      ),
    },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom('1', '0x10', '') },
  );

/** Any double JSON can carry, the extremes and the edges of 0–100, and numbers as text. */
export const floatValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.double({ min: -10, max: 110, noNaN: true }) },
    { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(0, -0, 100, 100.000001, -100.000001, 1e308, -1e308, 5e-324),
    },
    { weight: 1, arbitrary: fc.constantFrom('12.5', 'NaN', 'Infinity') },
  );

/** Plain garbage: any JSON value, nested a few levels deep. */
export const garbageValue = (): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 3 });

/**
 * Values most rules accept, for plausible inputs: ids that exist, short text,
 * days of the supervision year (2021), whole numbers and shares of 0–100.
 */
export const likelyValue = (scalar: string, known: readonly string[]): fc.Arbitrary<unknown> => {
  switch (scalar) {
    case 'ID':
      return fc.constantFrom(...known);
    case 'Int':
      return fc.integer({ min: 0, max: 100 });
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Date':
      return fc
        .integer({ min: 0, max: 364 })
        .map((day) => isoDay(new Date(Date.UTC(2021, 0, 1 + day))));
    default:
      return fc.constantFrom('理由', '已完成', '教育局', 'Report', 'ok');
  }
};
