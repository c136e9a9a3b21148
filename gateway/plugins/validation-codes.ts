import type { ExecutionArgs, GraphQLError, ValidationRule } from 'graphql';
import { specifiedRules } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { describeArgumentError } from './input-errors/argument-values.ts';
import { relabel } from './input-errors/described.ts';
import { describeDocumentError } from './input-errors/document-rules.ts';
import { describeRequestError } from './input-errors/request-errors.ts';
import { taggedRule } from './input-errors/tagged-rules.ts';
import { describeVariableError } from './input-errors/variable-values.ts';

const specified = new Set<ValidationRule>(specifiedRules);
const tagged = new Map<ValidationRule, ValidationRule>();

/** graphql-js's own rules tagged (once each); the others (limits, introspection) as they are. */
export const taggedRules = (rules: readonly ValidationRule[]): ValidationRule[] =>
  rules.map((rule) => {
    if (!specified.has(rule)) return rule;
    const known = tagged.get(rule) ?? taggedRule(rule, describeDocumentError);
    tagged.set(rule, known);
    return known;
  });

/** Describes the errors `execute` found in the variables and arguments, before any resolver. */
const describeValueErrors = (errors: readonly GraphQLError[], args: ExecutionArgs): void => {
  const variables = args.variableValues ?? {};
  for (const error of errors) {
    const described =
      describeVariableError(error, args.schema, variables) ??
      describeArgumentError(error, args.document, variables);
    if (described) relabel(error, described);
  }
};

const describeRequestErrors = (errors: readonly GraphQLError[]): void => {
  for (const error of errors) {
    const described = describeRequestError(error);
    if (described) relabel(error, described);
  }
};

/**
 * Gives every error found before any resolver runs a stable code, the field it
 * concerns and the rule it broke, from the error's structure rather than its
 * message wherever graphql-js gives one:
 * - a document graphql-js's rules refuse: GRAPHQL_VALIDATION, described where
 *   the rule reports it (see `taggedRule`), except a literal one of the
 *   project's scalars refuses, which is VALIDATION;
 * - a document that does not parse, an operation name it does not hold, a
 *   request of the wrong shape: GRAPHQL_VALIDATION (`describeRequestError`);
 * - a variable's value the input does not accept: VALIDATION
 *   (`describeVariableError`, `describeArgumentError`).
 * The limits of query-limits and request-limits and the services' own rules
 * keep the VALIDATION they come with.
 */
export const useValidationCodes = (): Plugin => ({
  onValidate({ validateFn, setValidationFn }) {
    setValidationFn((schema, document, rules, typeInfo, options) =>
      validateFn(schema, document, taggedRules(rules ?? specifiedRules), typeInfo, options),
    );
  },
  onExecute({ args }) {
    return {
      onExecuteDone({ result }) {
        if ('errors' in result && result.errors) describeValueErrors(result.errors, args);
      },
    };
  },
  onResultProcess({ result }) {
    for (const single of Array.isArray(result) ? result : [result]) {
      if (single && 'errors' in single && single.errors)
        describeRequestErrors(single.errors as GraphQLError[]);
    }
  },
});
