import type { ValidationRule } from 'graphql';
import { GraphQLError, getNamedType, isIntrospectionType } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Refuses `__schema`, `__type` and anything reached through them (the check of
 * graphql-js's NoSchemaIntrospectionCustomRule), with the project's code and
 * rule. `__typename` stays: clients need it and it reveals nothing.
 */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) {
      context.reportError(
        new GraphQLError(`introspection is disabled: the query asks for "${node.name.value}"`, {
          nodes: node,
          extensions: {
            code: 'VALIDATION',
            field: node.name.value,
            rule: 'introspection is disabled',
          },
        }),
      );
    }
  },
});

/** Production hides the schema unless GRAPHQL_INTROSPECTION=true. */
export const useNoIntrospection = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(noIntrospection);
  },
});
