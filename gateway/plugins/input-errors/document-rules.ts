import type { ASTNode } from 'graphql';
import { getNamedType, isRequiredArgument, Kind } from 'graphql';
import type { Described } from './described.ts';
import { fieldPath } from './field-path.ts';
import { describeLiteral, literalSteps } from './literal-values.ts';
import type { Report } from './tagged-rules.ts';

/** The name a node goes by in a document: `Task`, `id`, `$id` as `id`, `@skip`. */
const nameOf = (node: ASTNode | undefined): string | undefined => {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.NAME:
      return node.value;
    case Kind.VARIABLE_DEFINITION:
      return node.variable.name.value;
    case Kind.DIRECTIVE:
      return `@${node.name.value}`;
    case Kind.INLINE_FRAGMENT:
      return node.typeCondition?.name.value;
    default:
      return 'name' in node && node.name ? node.name.value : undefined;
  }
};

/** The first node the error points at (graphql-js puts the one it is about first). */
const targetOf = (report: Report): ASTNode | undefined => report.error.nodes?.[0];

const documentError = (field: string | undefined, rule: string): Described => ({
  code: 'GRAPHQL_VALIDATION',
  field,
  rule,
});

/** The error names what it is about by its first node; the rule is always the same. */
const named = (rule: string) => (report: Report) => documentError(nameOf(targetOf(report)), rule);

/** By the node the rule was visiting, where the error points at a part of it (a variable's type). */
const visited = (rule: string) => (report: Report) =>
  documentError(nameOf(report.visit?.node), rule);

/** ScalarLeafsRule: a leaf with a selection, or an object without one. */
const selection = ({ error, visit, context }: Report): Described => {
  const field = nameOf(visit?.node);
  const type = getNamedType(context.getType())?.name;
  const node = error.nodes?.[0];
  if (node?.kind === Kind.SELECTION_SET)
    return documentError(field, `must not select subfields: ${type} has none`);
  if (node?.kind === Kind.FIELD && node.selectionSet)
    return documentError(field, `must select at least one field of ${type}`);
  return documentError(field, `must select subfields of ${type}`);
};

/**
 * ProvidedRequiredArgumentsRule reports one error per argument left out, in
 * the order the field (or directive) declares them, all on the field: the
 * n-th error of a visit is about the n-th argument missing.
 */
const missingArgument = ({ visit, context }: Report): Described => {
  const node = visit?.node;
  if (node?.kind !== Kind.FIELD && node?.kind !== Kind.DIRECTIVE)
    return documentError(undefined, 'is required');
  const declared =
    node.kind === Kind.DIRECTIVE
      ? context.getSchema().getDirective(node.name.value)?.args
      : context.getFieldDef()?.args;
  const given = new Set(node.arguments?.map((argument) => argument.name.value));
  const missing = (declared ?? []).filter(
    (argument) => isRequiredArgument(argument) && !given.has(argument.name),
  );
  return documentError(missing[visit?.reportedBefore ?? 0]?.name, 'is required');
};

const unknownArgument = (report: Report): Described => {
  const { visit, context } = report;
  const owner =
    visit?.node.kind === Kind.DIRECTIVE
      ? nameOf(visit.node)
      : `${context.getParentType()?.name}.${context.getFieldDef()?.name}`;
  return documentError(nameOf(targetOf(report)), `is not an argument of ${owner}`);
};

const unknownDirective = (report: Report): Described => {
  const node = targetOf(report);
  const known =
    node?.kind === Kind.DIRECTIVE && report.context.getSchema().getDirective(node.name.value);
  return documentError(
    nameOf(node),
    known ? 'may not be used here' : 'is not a directive of the schema',
  );
};

/** Two fields under one response name: the name (alias) they share. */
const overlapping = (report: Report): Described => {
  const node = targetOf(report);
  const name = node?.kind === Kind.FIELD ? (node.alias ?? node.name).value : undefined;
  return documentError(name, 'must not name two different fields');
};

/**
 * How each of graphql-js's specifiedRules (16.x) is told to clients, by the
 * rule's name: the field it concerns comes from the nodes of the error or of
 * the visit, the rule in the project's words from the schema's types there.
 */
const byRule: Readonly<Record<string, (report: Report) => Described>> = {
  ExecutableDefinitionsRule: (report) =>
    documentError(nameOf(targetOf(report)) ?? 'query', 'must be an operation or a fragment'),
  UniqueOperationNamesRule: named('must name one operation only'),
  LoneAnonymousOperationRule: () =>
    documentError('query', 'must hold only one operation when one is anonymous'),
  SingleFieldSubscriptionsRule: named('must be the only top-level field of its subscription'),
  KnownTypeNamesRule: named('is not a type of the schema'),
  FragmentsOnCompositeTypesRule: named(
    'must be an object, interface or union type to hold a fragment',
  ),
  VariablesAreInputTypesRule: visited('must be of an input type'),
  ScalarLeafsRule: selection,
  FieldsOnCorrectTypeRule: (report) =>
    documentError(
      nameOf(targetOf(report)),
      `is not a field of ${report.context.getParentType()?.name}`,
    ),
  UniqueFragmentNamesRule: named('must name one fragment only'),
  KnownFragmentNamesRule: named('is not a fragment of the document'),
  NoUnusedFragmentsRule: named('is never used'),
  PossibleFragmentSpreadsRule: (report) =>
    documentError(
      nameOf(targetOf(report)),
      `can never apply to an object of type ${report.context.getParentType()?.name}`,
    ),
  NoFragmentCyclesRule: visited('must not spread itself'),
  UniqueVariableNamesRule: named('must name one variable only'),
  NoUndefinedVariablesRule: named('is not defined by the operation'),
  NoUnusedVariablesRule: named('is never used'),
  KnownDirectivesRule: unknownDirective,
  UniqueDirectivesPerLocationRule: named('may be used only once here'),
  KnownArgumentNamesRule: unknownArgument,
  UniqueArgumentNamesRule: named('must be given only once'),
  ValuesOfCorrectTypeRule: describeLiteral,
  ProvidedRequiredArgumentsRule: missingArgument,
  VariablesInAllowedPositionRule: named('must have a type that fits where it is used'),
  OverlappingFieldsCanBeMergedRule: overlapping,
  UniqueInputFieldNamesRule: (report) =>
    documentError(fieldPath(literalSteps(report.visit)), 'must be given only once'),
  MaxIntrospectionDepthRule: named('must not nest introspection this deep'),
};

/** A document error of one of graphql-js's specifiedRules, as clients are told it. */
export const describeDocumentError = (report: Report): Described =>
  byRule[report.rule]?.(report) ??
  documentError(nameOf(targetOf(report)) ?? 'query', 'must be a valid GraphQL document');

/** The rules `describeDocumentError` knows, for tests to compare with graphql-js's list. */
export const describedRules: readonly string[] = Object.keys(byRule);
