import type { UnitCategory } from '../../../contracts/events/index.ts';
/** Commands of a unit (责任单位) in the directory. */
export type UnitCommand = {
  type: 'RegisterUnit';
  data: { unitId: string; name: string; category?: UnitCategory };
};
