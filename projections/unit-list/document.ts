import type { UnitCategory } from '../../contracts/events/index.ts';

/** One unit (责任单位) of the directory (collection `units`, id = unitId). */
export type UnitListItem = {
  id: string;
  position: number;
  name: string;
  /** Absent in rows built before categories were kept: a government department. */
  category?: UnitCategory;
  registeredAt: string;
  /**
   * The unit it belongs to; null: a top-level unit. Absent in rows built before
   * the tree was kept (a top-level unit).
   */
  parentUnitId?: string | null;
  /** Its path in the tree, the top first, ending with itself; absent as above (itself alone). */
  path?: string[];
  /**
   * The path again, one field per level (`level0` the top, …): the subtree of a
   * unit at depth d is the units whose `level<d>` is that unit, one equality on
   * an indexed field, whatever the store's collation.
   */
  [level: `level${number}`]: string | undefined;
};
