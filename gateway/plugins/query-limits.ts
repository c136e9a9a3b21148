import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { setExtensions } from './input-errors/set-extensions.ts';

/** The shape limits of one operation; each refusal is VALIDATION naming the rule. */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Leave "did you mean …" out of errors, which would spell the schema out field by field. */
  hideSuggestions: boolean;
}

/** graphql-armor words every refusal as a syntax error; it is a limit, so it says so plainly. */
const label = (error: GraphQLError, rule: string): void => {
  error.message = error.message.replace(/^Syntax Error: /, '');
  setExtensions(error, { ...error.extensions, code: 'VALIDATION', field: 'query', rule });
};

/**
 * A validation-time limit reports its refusal beside the others instead of
 * aborting validation, so a query over several limits hears of each.
 */
const reportedAs = (rule: string) => ({
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      label(error, rule);
      context?.reportError(error);
    },
  ],
  propagateOnRejection: false,
});

/** The token limit works inside the parser, which has no errors to report beside: it throws. */
const thrownAs = (rule: string) => ({
  onReject: [(_: unknown, error: GraphQLError) => label(error, rule)],
  propagateOnRejection: true,
});

/**
 * graphql-armor's limits on depth, cost, aliases, directives and tokens: a query
 * over any of them is refused while it is parsed or validated, before any
 * resolver (or the broker) is reached. Introspection is exempt from depth and
 * cost, so GraphiQL keeps working where introspection is allowed at all.
 */
export const useQueryLimits = (limits: QueryLimits): Plugin =>
  EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ...reportedAs(`depth at most ${limits.maxDepth}`) },
    costLimit: { maxCost: limits.maxCost, ...reportedAs(`cost at most ${limits.maxCost}`) },
    maxAliases: { n: limits.maxAliases, ...reportedAs(`at most ${limits.maxAliases} aliases`) },
    maxDirectives: {
      n: limits.maxDirectives,
      ...reportedAs(`at most ${limits.maxDirectives} directives`),
    },
    maxTokens: { n: limits.maxTokens, ...thrownAs(`at most ${limits.maxTokens} tokens`) },
    blockFieldSuggestion: { enabled: limits.hideSuggestions },
  }) as Plugin;
