import type { BoardUnit } from './input.ts';

/**
 * The subtree of a unit among `units` (itself and every unit whose path runs
 * through it), each asked once per board view: a board filtered on a street
 * keeps the street's tasks and its 社区's. An unknown unit's subtree is itself.
 */
export const subtreesOf = (units: readonly BoardUnit[]) => {
  const known = new Map<string, ReadonlySet<string>>();
  return (unitId: string | null | undefined): ReadonlySet<string> | null => {
    if (!unitId) return null;
    let subtree = known.get(unitId);
    if (!subtree) {
      subtree = new Set([
        unitId,
        ...units.filter((unit) => unit.path?.includes(unitId)).map((unit) => unit.id),
      ]);
      known.set(unitId, subtree);
    }
    return subtree;
  };
};

/** Whether a unit is in the subtree asked; any unit when none is. */
export const inSubtree = (subtree: ReadonlySet<string> | null, unitId: string | null): boolean =>
  subtree === null || (unitId !== null && subtree.has(unitId));
