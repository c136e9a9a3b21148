/**
 * What kind of body a unit is: units are ranked (督查考核排名) within their kind, and
 * the supervising and discipline bodies (督查室, 纪检监察) are not ranked at all.
 */
export const unitCategories = ['party', 'government', 'enterprise', 'area', 'supervision'] as const;
/** 党群部门, 政府部门, 国有企业, 园区/街道, 督查·纪检机关. */
export type UnitCategory = (typeof unitCategories)[number];

/** A unit registered without a category: a government department. */
export const defaultUnitCategory: UnitCategory = 'government';

/** Whether units of `category` are ranked: all but the supervising and discipline bodies. */
export const isRanked = (category: UnitCategory): boolean => category !== 'supervision';

/** The deepest a unit may sit: district → department or street → 科室 or 社区, with room to spare. */
export const maxUnitDepth = 6;

/**
 * Events of a unit's stream (`unit-<id>`): the directory of responsible units.
 * Units form a tree (district → departments and streets → 科室 and 社区): a unit
 * is registered under its parent and stays there, so the ancestors recorded
 * with it stay true and a read model keeps its path without reading any other
 * unit.
 */
export type UnitEvent = {
  type: 'UnitRegistered';
  /**
   * `category`: absent in units registered before categories were kept (a
   * government department). `parentUnitId`: the unit it belongs to; absent: a
   * top-level unit, as every unit was before the tree. `ancestorUnitIds`: the
   * parent's own path, the top first, ending with the parent; absent with it.
   */
  data: {
    unitId: string;
    name: string;
    category?: UnitCategory;
    parentUnitId?: string;
    ancestorUnitIds?: string[];
  };
};

export const unitEventTypes = ['UnitRegistered'] as const satisfies readonly UnitEvent['type'][];
