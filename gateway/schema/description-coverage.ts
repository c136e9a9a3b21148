import {
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/** The parts of a schema GraphiQL shows a description for. */
export const describedKinds = [
  'types',
  'fields',
  'arguments',
  'inputFields',
  'enumValues',
] as const;

export type DescribedKind = (typeof describedKinds)[number];

/** How many parts of one kind carry a description, and the names of those that do not. */
export interface KindCoverage {
  described: number;
  total: number;
  /** `Type`, `Type.field`, `Type.field(argument:)`, `Input.field`, `Enum.VALUE`. */
  missing: string[];
}

export type DescriptionCoverage = Record<DescribedKind, KindCoverage>;

/**
 * The types a client of the API reads about: neither the introspection types
 * (`__Schema`…) nor the built-in scalars, which graphql-js describes itself.
 */
const publicTypes = (schema: GraphQLSchema): GraphQLNamedType[] =>
  Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** One part of a type: its kind, its name and its description. */
type Part = [DescribedKind, string, string | null | undefined];

/** The type itself and its parts. */
const partsOf = (type: GraphQLNamedType): Part[] => {
  const parts: Part[] = [['types', type.name, type.description]];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      parts.push(['fields', name, field.description]);
      for (const arg of field.args)
        parts.push(['arguments', `${name}(${arg.name}:)`, arg.description]);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      parts.push(['inputFields', `${type.name}.${field.name}`, field.description]);
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) {
      parts.push(['enumValues', `${type.name}.${value.name}`, value.description]);
    }
  }
  return parts;
};

/**
 * Which public types, fields, arguments, input fields and enum values of
 * `schema` carry a description (blank counts as none), kind by kind.
 */
export const descriptionCoverage = (schema: GraphQLSchema): DescriptionCoverage => {
  const coverage = Object.fromEntries(
    describedKinds.map((kind) => [kind, { described: 0, total: 0, missing: [] }]),
  ) as unknown as DescriptionCoverage;
  for (const [kind, name, description] of publicTypes(schema).flatMap(partsOf)) {
    const counted = coverage[kind];
    counted.total += 1;
    if (description?.trim()) counted.described += 1;
    else counted.missing.push(name);
  }
  return coverage;
};

/**
 * The described share in percent, rounded down to one decimal so that only a
 * complete kind shows 100; 100 for a kind the schema has none of.
 */
export const percentDescribed = ({ described, total }: KindCoverage): number =>
  total === 0 ? 100 : Math.floor((1000 * described) / total) / 10;

/** Every part without a description, kind by kind. */
export const undescribed = (coverage: DescriptionCoverage): string[] =>
  describedKinds.flatMap((kind) => coverage[kind].missing);
