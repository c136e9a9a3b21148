import type { UnitCategory } from '../../contracts/events/index.ts';

/** One unit (责任单位) of the directory (collection `units`, id = unitId). */
export type UnitListItem = {
  id: string;
  position: number;
  name: string;
  /** Absent in rows built before categories were kept: a government department. */
  category?: UnitCategory;
  registeredAt: string;
};
