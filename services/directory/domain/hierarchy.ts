import { notFound, validationError } from '../../../contracts/errors.ts';
import { maxUnitDepth } from '../../../contracts/events/unit-events.ts';

/** Where a unit registered under a parent sits: the parent and the parent's own path. */
export type Placement = { parentUnitId: string; ancestorUnitIds: string[] } | null;

/**
 * Places a unit under its parent (none: a top-level unit). The parent must be
 * registered, and the unit must not be the parent nor above it (a unit cannot be
 * its own ancestor: the tree has no cycles); the tree is at most `maxUnitDepth`
 * deep, so a path stays short enough to index and to walk.
 */
export const placement = (
  unitId: string,
  parentUnitId: string | null | undefined,
  unitPaths: Readonly<Record<string, readonly string[]>>,
): Placement => {
  if (!parentUnitId) return null;
  const path = Object.hasOwn(unitPaths, parentUnitId) ? unitPaths[parentUnitId] : undefined;
  if (path === undefined) throw notFound('parentUnitId', `unit ${parentUnitId}`);
  if (path.includes(unitId)) {
    throw validationError(
      'parentUnitId',
      `must not be unit ${unitId} itself or one of its sub-units: a unit cannot be its own ancestor`,
    );
  }
  if (path.length >= maxUnitDepth) {
    throw validationError(
      'parentUnitId',
      `must be at most ${maxUnitDepth - 1} levels deep: unit ${parentUnitId} is ${path.length}`,
    );
  }
  return { parentUnitId, ancestorUnitIds: [...path] };
};
