import type { DocumentNode } from 'graphql';
import { Kind, parse } from 'graphql';

/**
 * The schema spells enum values as GraphQL does (UPPER_SNAKE_CASE); the
 * services, the events and the read models keep their own spelling. Each value
 * maps to its internal spelling by one rule: lower snake case (`IN_PROGRESS` →
 * `in_progress`), except the fields of an order (`…OrderField`), which name
 * document fields in camel case (`DUE_DATE` → `dueDate`).
 */
export const internalValueOf = (enumName: string, value: string): string => {
  const lower = value.toLowerCase();
  return enumName.endsWith('OrderField')
    ? lower.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
    : lower;
};

const documentOf = (typeDefs: string | DocumentNode): DocumentNode =>
  typeof typeDefs === 'string' ? parse(typeDefs) : typeDefs;

/** Resolvers mapping every enum value declared in `typeDefs` to its internal spelling. */
export const enumValueResolvers = (
  typeDefs: readonly (string | DocumentNode)[],
): Record<string, Record<string, string>> => {
  const resolvers: Record<string, Record<string, string>> = {};
  for (const document of typeDefs.map(documentOf)) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
      const name = definition.name.value;
      resolvers[name] = Object.fromEntries(
        (definition.values ?? []).map((value) => [
          value.name.value,
          internalValueOf(name, value.name.value),
        ]),
      );
    }
  }
  return resolvers;
};
