import type { ASTNode, ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Described } from './described.ts';
import { relabel } from './described.ts';

/** Where a rule stood when it reported an error. */
export interface Visit {
  /** The node the rule was visiting. */
  readonly node: ASTNode;
  /** The nodes and arrays from the document down to `node`, `node` last. */
  readonly chain: readonly (ASTNode | readonly ASTNode[])[];
  /** The key leading from each entry of `chain` to the next. */
  readonly keys: readonly (string | number)[];
  /** How many errors the rule reported before this one while visiting `node`. */
  readonly reportedBefore: number;
}

/** One error of a rule, with what is known where the rule reported it. */
export interface Report {
  /** graphql-js's name of the rule, e.g. `KnownArgumentNamesRule`. */
  readonly rule: string;
  readonly error: GraphQLError;
  readonly visit: Visit | null;
  /** The validation context, its type information standing at `visit.node`. */
  readonly context: ValidationContext;
}

export type Describe = (report: Report) => Described;

type VisitFn = (
  node: ASTNode,
  key: string | number | undefined,
  parent: ASTNode | readonly ASTNode[] | undefined,
  path: readonly (string | number)[],
  ancestors: readonly (ASTNode | readonly ASTNode[])[],
) => unknown;

/** The visit under way, as the visitor received it (its arrays change as visiting goes on). */
interface Current {
  node: ASTNode;
  parent: ASTNode | readonly ASTNode[] | undefined;
  path: readonly (string | number)[];
  ancestors: readonly (ASTNode | readonly ASTNode[])[];
  reported: number;
}

const visitOf = (current: Current): Visit => ({
  node: current.node,
  chain: [...current.ancestors, ...(current.parent ? [current.parent] : []), current.node],
  keys: [...current.path],
  reportedBefore: current.reported,
});

const reporter = new WeakMap<GraphQLError, string>();

/** The graphql-js rule that reported `error`, when it was one of the tagged ones. */
export const reportedBy = (error: GraphQLError): string | undefined => reporter.get(error);

/** Runs `fn` with `slot` holding the visit it is called for. */
const tracking =
  (owner: object, fn: VisitFn, slot: { current: Current | null }): VisitFn =>
  (node, key, parent, path, ancestors) => {
    const outer = slot.current;
    slot.current = { node, parent, path, ancestors, reported: 0 };
    try {
      return fn.call(owner, node, key, parent, path, ancestors);
    } finally {
      slot.current = outer;
    }
  };

/** The same visitor, each of its functions tracked (`Field(node)`, `Field: { enter, leave }`, `enter`). */
const trackedVisitor = (visitor: ASTVisitor, slot: { current: Current | null }): ASTVisitor =>
  Object.fromEntries(
    Object.entries(visitor).map(([kind, entry]) => {
      if (typeof entry === 'function') return [kind, tracking(visitor, entry, slot)];
      const { enter, leave } = entry as { enter?: VisitFn; leave?: VisitFn };
      return [
        kind,
        {
          ...(enter ? { enter: tracking(visitor, enter, slot) } : {}),
          ...(leave ? { leave: tracking(visitor, leave, slot) } : {}),
        },
      ];
    }),
  );

/**
 * An error a scalar threw from `parseLiteral` is reported by graphql-js as it
 * is, without the node it refused; it gets the node visited, so that it has a
 * location like every other.
 */
const located = (error: GraphQLError, current: Current | null): GraphQLError =>
  error.nodes?.length || !current
    ? error
    : new GraphQLError(error.message, {
        nodes: current.node,
        extensions: error.extensions,
        ...(error.originalError ? { originalError: error.originalError } : {}),
      });

/**
 * `rule` as it is, except that each error it reports is tagged with the rule's
 * name (see `reportedBy`) and described by `describe` where it is reported:
 * with the node the rule was visiting, the way down to it and the type
 * information standing there, so no message needs reading.
 */
export const taggedRule = (rule: ValidationRule, describe: Describe): ValidationRule => {
  const tagged: ValidationRule = (context) => {
    const slot: { current: Current | null } = { current: null };
    const reportError = (reported: GraphQLError) => {
      const { current } = slot;
      const error = located(reported, current);
      const visit = current ? visitOf(current) : null;
      reporter.set(error, rule.name);
      relabel(error, describe({ rule: rule.name, error, visit, context }));
      if (current) current.reported += 1;
      context.reportError(error);
    };
    // The rule sees the context with its own reportError, everything else inherited.
    const own = Object.create(context, { reportError: { value: reportError } });
    return trackedVisitor(rule(own), slot);
  };
  Object.defineProperty(tagged, 'name', { value: rule.name });
  return tagged;
};
