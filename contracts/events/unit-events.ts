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

/** Events of a unit's stream (`unit-<id>`): the directory of responsible units. */
export type UnitEvent = {
  type: 'UnitRegistered';
  /** `category`: absent in units registered before categories were kept (a government department). */
  data: { unitId: string; name: string; category?: UnitCategory };
};

export const unitEventTypes = ['UnitRegistered'] as const satisfies readonly UnitEvent['type'][];
