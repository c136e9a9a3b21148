import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDay, maxDate, minDate } from '../contracts/dates.ts';

/*
 * Each scalar carries its own description and `specifiedByURL`: the schema's
 * resolvers put these objects in place of the SDL's scalars, so what the SDL
 * says of a scalar is what it says here (`gateway/schema/base.ts` reads both).
 */

const dateRule = `must be an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`;

/** A refused scalar input, as the gateway reports any broken rule. */
const refused = (rule: string, value: unknown): GraphQLError =>
  new GraphQLError(`${rule}, got ${JSON.stringify(value)?.slice(0, 40)}`, {
    extensions: { code: 'VALIDATION', rule },
  });

/**
 * Accepts any short string: the service receiving the input checks the format,
 * so its error names the field (a scalar cannot know which field it is in).
 */
const parseDate = (value: unknown): string => {
  if (typeof value === 'string' && value.length <= 40) return value;
  throw refused(dateRule, value);
};

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: [
    `A calendar day as an RFC 3339 full-date, \`YYYY-MM-DD\` (e.g. \`2021-03-01\`), from ${minDate}`,
    `to ${maxDate}: no time, no offset. A day taken from a time (today, the day an event was`,
    'recorded) is the day in China Standard Time (UTC+8). A string that is no such day is',
    'refused with `VALIDATION` naming the field.',
  ].join('\n'),
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const dateTimeRule =
  'must be an RFC 3339 date-time with an offset, such as 2021-03-01T08:00:00+08:00 or 2021-03-01T00:00:00Z';

/**
 * RFC 3339 §5.6 `date-time`: seconds required, a fraction of at most 9 digits
 * (as the services read it), and an offset: `Z` or ±hh:mm. A leap second (:60)
 * is left out, since no service can read it.
 */
const rfc3339DateTime =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/**
 * An RFC 3339 date-time with an offset, on a day of the calendar. `-00:00` is
 * refused: RFC 3339 §4.3 makes it "the offset is unknown", a convention the
 * DateTime scalar's specification drops.
 */
const isDateTime = (value: string): boolean => {
  const match = rfc3339DateTime.exec(value);
  return (
    match !== null &&
    match[6] !== '-00:00' &&
    isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))
  );
};

/** The date-time with its `t` and `z` written `T` and `Z`, as the services read it. */
const parseDateTime = (value: unknown): string => {
  if (typeof value === 'string' && isDateTime(value)) return value.toUpperCase();
  throw refused(dateTimeRule, value);
};

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: [
    'An instant as an RFC 3339 date-time with an offset. Answered in UTC with milliseconds, as',
    'recorded: `2021-03-01T00:30:00.000Z` is 08:30 China Standard Time. Taken as any RFC 3339',
    'date-time with an offset (`Z` or `±hh:mm`, not the unknown offset `-00:00`), seconds',
    'required, a fraction of at most 9 digits, no leap second, e.g. `2021-03-01T08:30:00+08:00`;',
    'anything else is refused with `VALIDATION`.',
  ].join('\n'),
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
  serialize: (value) => value,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: [
    'Any JSON value (RFC 8259): an object, an array, a string, a number, true, false or null,',
    "answered exactly as stored: an event's `data` and `metadata`. Only answered, never taken.",
  ].join('\n'),
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc8259',
  serialize: (value) => value,
});
