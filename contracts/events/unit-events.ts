/** Events of a unit's stream (`unit-<id>`): the directory of responsible units. */
export type UnitEvent = {
  type: 'UnitRegistered';
  data: { unitId: string; name: string };
};

export const unitEventTypes = ['UnitRegistered'] as const satisfies readonly UnitEvent['type'][];
