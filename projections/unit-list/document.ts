/** One unit (责任单位) of the directory (collection `units`, id = unitId). */
export type UnitListItem = {
  id: string;
  position: number;
  name: string;
  registeredAt: string;
};
