import type { Actor } from '../contracts/actor.ts';

/** The people of the demo year: one per role, a department head per unit. */
export const office: Actor = { id: 'office-zhang', role: 'office', name: '督查室张科长' };
export const inspector: Actor = { id: 'inspector-li', role: 'inspector', name: '纪工委李监察员' };
export const leader = (officialId: string, name?: string): Actor => ({
  id: officialId,
  role: 'leader',
  ...(name ? { name } : {}),
});
/** A unit's head; `playYear` names them after their unit. */
export const headOf = (unitId: string): Actor => ({
  id: `head-${unitId}`,
  role: 'department_head',
  unitId,
});
