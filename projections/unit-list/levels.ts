import { maxUnitDepth } from '../../contracts/events/unit-events.ts';

/** The field holding the id of a unit's ancestor at `depth` (0: the top). */
export const levelField = (depth: number): `level${number}` => `level${depth}`;

/** Every level field, top first: what the unit list is indexed by. */
export const levelFields: readonly `level${number}`[] = Array.from(
  { length: maxUnitDepth },
  (_, depth) => levelField(depth),
);

/** The level fields of a unit on `path` (top first, ending with the unit). */
export const levelsOf = (path: readonly string[]): Record<`level${number}`, string> =>
  Object.fromEntries(path.map((unitId, depth) => [levelField(depth), unitId]));
