import type { ASTNode, GraphQLInputObjectType, GraphQLNamedType, ObjectValueNode } from 'graphql';
import { getNamedType, isInputObjectType, isRequiredInputField, Kind } from 'graphql';
import type { Described } from './described.ts';
import type { Step } from './field-path.ts';
import { fieldPath } from './field-path.ts';
import type { Report, Visit } from './tagged-rules.ts';
import { isOwnScalar, oneOfRule, typeRule } from './type-rules.ts';

const isNode = (entry: unknown): entry is ASTNode =>
  typeof entry === 'object' && entry !== null && 'kind' in entry;

/** The argument, or the variable's default, a literal value sits in. */
const holderName = (entry: unknown): string | null => {
  if (!isNode(entry)) return null;
  if (entry.kind === Kind.ARGUMENT) return entry.name.value;
  if (entry.kind === Kind.VARIABLE_DEFINITION) return entry.variable.name.value;
  return null;
};

/**
 * The steps from the argument (or variable default) holding the visited node
 * down to it, e.g. `input`, `evidence`, 1, `size`; empty outside any.
 */
export const literalSteps = (visit: Visit | null): Step[] => {
  const chain = visit?.chain ?? [];
  const start = chain.findLastIndex((entry) => holderName(entry) !== null);
  if (!visit || start < 0) return [];
  const steps: Step[] = [holderName(chain[start]) as string];
  for (let i = start + 1; i < chain.length; i += 1) {
    const entry = chain[i];
    const before = chain[i - 1];
    if (isNode(entry) && entry.kind === Kind.OBJECT_FIELD) steps.push(entry.name.value);
    // A list's `values` array, then the index of the item in it.
    if (Array.isArray(entry) && isNode(before) && before.kind === Kind.LIST && i + 1 < chain.length)
      steps.push(visit.keys[i] as number);
  }
  return steps;
};

/** A value of the wrong kind: the user's when one of the project's scalars refused it. */
const valueRule = (
  type: GraphQLNamedType | undefined,
  report: Report,
  field: string,
): Described => ({
  code: isOwnScalar(type) ? 'VALIDATION' : 'GRAPHQL_VALIDATION',
  field,
  rule: typeRule(type, report.error),
});

/**
 * An input object literal missing required fields: graphql-js reports one error
 * per field, in the order the type declares them, so the n-th error of the
 * visit is about the n-th field missing. Beyond them, a one-of object's error.
 */
const objectRule = (
  type: GraphQLInputObjectType,
  node: ObjectValueNode,
  visit: Visit,
  steps: Step[],
): Described => {
  const given = new Set(node.fields.map((field) => field.name.value));
  const missing = Object.values(type.getFields()).filter(
    (field) => isRequiredInputField(field) && !given.has(field.name),
  );
  const name = missing[visit.reportedBefore]?.name;
  return name
    ? { code: 'GRAPHQL_VALIDATION', field: fieldPath([...steps, name]), rule: 'is required' }
    : { code: 'GRAPHQL_VALIDATION', field: fieldPath(steps), rule: oneOfRule(type) };
};

/**
 * ValuesOfCorrectTypeRule's errors: a literal the document gets wrong is
 * GRAPHQL_VALIDATION, except a literal one of the project's scalars refuses
 * (a date that is not one), which is VALIDATION with the scalar's rule.
 */
export const describeLiteral = (report: Report): Described => {
  const { visit, context } = report;
  const steps = literalSteps(visit);
  const field = fieldPath(steps);
  const type = getNamedType(context.getInputType()) ?? undefined;
  const node = visit?.node;
  if (node?.kind === Kind.OBJECT && visit && isInputObjectType(type))
    return objectRule(type, node, visit, steps);
  if (node?.kind === Kind.OBJECT_FIELD) {
    const parent = getNamedType(context.getParentInputType());
    return { code: 'GRAPHQL_VALIDATION', field, rule: `is not a field of ${parent?.name}` };
  }
  if (node?.kind === Kind.NULL)
    return { code: 'GRAPHQL_VALIDATION', field, rule: 'must not be null' };
  return valueRule(type, report, field);
};
