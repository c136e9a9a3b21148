import type { GraphQLError, GraphQLNamedType, GraphQLScalarType } from 'graphql';
import { isEnumType, isInputObjectType, isScalarType, isSpecifiedScalarType } from 'graphql';

/** A scalar of the project's (Date), as opposed to GraphQL's own: its refusals are the user's. */
export const isOwnScalar = (type: GraphQLNamedType | undefined): type is GraphQLScalarType =>
  isScalarType(type) && !isSpecifiedScalarType(type);

/** What an own scalar says it wants, by the error it refused a value with. */
const scalarRule = (error: GraphQLError): string | undefined =>
  typeof error.extensions.rule === 'string' ? error.extensions.rule : error.originalError?.message;

/** What a value of the wrong kind should have been, by the type declared at its place. */
export const typeRule = (type: GraphQLNamedType | undefined, error: GraphQLError): string => {
  if (isInputObjectType(type)) return `must be an object of type ${type.name}`;
  if (isEnumType(type)) return `must be a value of the enum ${type.name}`;
  if (isOwnScalar(type)) return scalarRule(error) ?? `must be a value of type ${type.name}`;
  return type ? `must be a value of type ${type.name}` : 'must have the type the schema declares';
};

/** A one-of input object given no field, several, or its one field null. */
export const oneOfRule = (type: GraphQLNamedType): string =>
  `must give exactly one field of ${type.name}, not null`;
