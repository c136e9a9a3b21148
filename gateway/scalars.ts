import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { maxDate, minDate } from '../contracts/dates.ts';

const dateRule = `must be an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`;

/**
 * Accepts any short string: the service receiving the input checks the format,
 * so its error names the field (a scalar cannot know which field it is in).
 */
const parseDate = (value: unknown): string => {
  if (typeof value === 'string' && value.length <= 40) return value;
  throw new GraphQLError(`${dateRule}, got ${JSON.stringify(value)?.slice(0, 40)}`, {
    extensions: { code: 'VALIDATION', rule: dateRule },
  });
};

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => value,
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
});
