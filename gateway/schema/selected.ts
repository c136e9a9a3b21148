import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the request selects `name` on the field being resolved, through
 * fragments too. A selection under a directive (`@include`, `@skip`) counts as
 * selected: the answer may need it.
 */
export const selectsField = (info: GraphQLResolveInfo, name: string): boolean => {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case 'Field':
          return selection.name.value === name;
        case 'InlineFragment':
          return within(selection.selectionSet);
        case 'FragmentSpread': {
          const fragment = selection.name.value;
          if (seen.has(fragment)) return false;
          seen.add(fragment);
          return within(info.fragments[fragment]?.selectionSet);
        }
        default:
          return true;
      }
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
};
