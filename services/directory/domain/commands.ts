import type { UnitCategory } from '../../../contracts/events/index.ts';
/** Commands of a unit (责任单位) in the directory. */
export type UnitCommand = {
  type: 'RegisterUnit';
  /**
   * `parentUnitId`: the unit it belongs to; absent or null: a top-level unit.
   * `unitPaths`: looked up by the service, each registered unit asked (the
   * parent) with its path, the top first, ending with itself; an unknown unit
   * is left out.
   */
  data: {
    unitId: string;
    name: string;
    category?: UnitCategory;
    parentUnitId?: string | null;
    unitPaths?: Readonly<Record<string, readonly string[]>>;
  };
};
