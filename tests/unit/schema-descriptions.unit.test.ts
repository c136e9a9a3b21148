import {
  buildSchema,
  GraphQLError,
  type GraphQLScalarType,
  Kind,
  parse,
  parseValue,
  validate,
} from 'graphql';
import {
  describedKinds,
  descriptionCoverage,
  percentDescribed,
  undescribed,
} from '../../gateway/schema/description-coverage.ts';
import { buildPublicSchema } from '../../gateway/schema/public-schema.ts';

const schema = buildPublicSchema();
const scalar = (name: string) => schema.getType(name) as GraphQLScalarType;

describe('the public schema', () => {
  const coverage = descriptionCoverage(schema);

  it.each(describedKinds)('describes every public part of kind %s', (kind) => {
    expect(coverage[kind].missing).toEqual([]);
    expect(percentDescribed(coverage[kind])).toBe(100);
  });

  it.each([
    ['Date', 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6'],
    ['DateTime', 'https://scalars.graphql.org/andimarek/date-time'],
    ['JSON', 'https://www.rfc-editor.org/rfc/rfc8259'],
  ])('names the specification of the scalar %s', (name, url) => {
    expect(scalar(name).specifiedByURL).toBe(url);
    expect(scalar(name).description).toMatch(/\S/);
  });
});

describe('counting descriptions', () => {
  const sample = buildSchema(`
    "Reads."
    type Query {
      "Described."
      described(plain: Int, "Described." noted: Int): Colour
      plain: String
    }
    enum Colour {
      "Described."
      RED
      BLUE
    }
    input Filter {
      "  "
      blank: String
    }
    scalar Day
  `);
  const coverage = descriptionCoverage(sample);

  it('names each part without a description, blank counting as none', () => {
    expect(undescribed(coverage)).toEqual([
      'Colour',
      'Day',
      'Filter',
      'Query.plain',
      'Query.described(plain:)',
      'Filter.blank',
      'Colour.BLUE',
    ]);
  });

  it('counts neither the introspection types nor the built-in scalars', () => {
    expect(coverage.types).toMatchObject({ described: 1, total: 4 });
  });

  it('rounds a share down, so that only a complete kind shows 100', () => {
    expect(percentDescribed({ described: 1999, total: 2000, missing: [] })).toBe(99.9);
    expect(percentDescribed({ described: 0, total: 0, missing: [] })).toBe(100);
  });
});

describe('a DateTime input', () => {
  const dateTime = scalar('DateTime');

  const refusal = (value: unknown): GraphQLError => {
    try {
      dateTime.parseValue(value);
    } catch (error) {
      if (error instanceof GraphQLError) return error;
      throw error;
    }
    throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  };

  it.each([
    ['2021-03-01T08:00:00+08:00', '2021-03-01T08:00:00+08:00'],
    ['2021-03-01T00:00:00Z', '2021-03-01T00:00:00Z'],
    ['2021-03-01T00:00:00.123456789-05:30', '2021-03-01T00:00:00.123456789-05:30'],
    ['2024-02-29T23:59:59.5Z', '2024-02-29T23:59:59.5Z'],
    ['2021-03-01t08:00:00z', '2021-03-01T08:00:00Z'],
  ])('accepts the RFC 3339 date-time %s', (value, parsed) => {
    expect(dateTime.parseValue(value)).toBe(parsed);
  });

  it.each([
    ['without an offset', '2021-03-01T08:00:00'],
    ['with the unknown offset -00:00', '2021-03-01T08:00:00-00:00'],
    ['without seconds', '2021-03-01T08:00Z'],
    ['with a space for T', '2021-03-01 08:00:00Z'],
    ['on a day not in the calendar', '2021-02-29T08:00:00Z'],
    ['at hour 24', '2021-03-01T24:00:00Z'],
    ['at a leap second', '2016-12-31T23:59:60Z'],
    ['with a compact offset', '2021-03-01T08:00:00+0800'],
    ['as a date alone', '2021-03-01'],
    ['as a number', 1614556800000],
  ])('is refused %s', (_, value) => {
    const error = refusal(value);
    expect(error.extensions).toEqual({
      code: 'VALIDATION',
      rule: expect.stringMatching(/^must be an RFC 3339 date-time with an offset/),
    });
    expect(error.message).toContain(JSON.stringify(value));
  });

  it('written in a query, is refused before anything runs', () => {
    const query = parse('{ auditHistory(filter: { recordedFrom: "yesterday" }) { totalCount } }');
    const [error] = validate(schema, query);
    expect(error?.extensions).toMatchObject({ code: 'VALIDATION' });
  });

  it('is read from a string literal, and refused as any other literal', () => {
    expect(dateTime.parseLiteral(parseValue('"2021-03-01T08:00:00Z"'), undefined)).toBe(
      '2021-03-01T08:00:00Z',
    );
    expect(() => dateTime.parseLiteral({ kind: Kind.INT, value: '1' }, undefined)).toThrow(
      GraphQLError,
    );
  });
});
