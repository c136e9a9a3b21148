/** Who acts. Arrives from the verified token (or is `system` for the clock). */
export type Role = 'office' | 'department_head' | 'leader' | 'inspector' | 'system' | 'liaison';

/**
 * `liaison` (联络员): named by a unit to sign for its matters and draft its
 * reports, acting for that one unit as its department head does.
 */
export const humanRoles = ['office', 'department_head', 'leader', 'inspector', 'liaison'] as const;
export const roles: readonly Role[] = [...humanRoles, 'system'];

export interface Actor {
  id: string;
  role: Role;
  /** Set for a department_head or a liaison: the one unit it acts for. */
  unitId?: string;
  name?: string;
}

/** Roles that act for one unit (`unitId`): its head (责任单位负责人) and its liaisons (联络员). */
export const unitRoles: readonly Role[] = ['department_head', 'liaison'];

/** True for an actor that acts for one unit only. */
export const actsForUnit = (actor: Pick<Actor, 'role'>): boolean => unitRoles.includes(actor.role);
