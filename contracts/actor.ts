/** Who acts. Arrives from the verified token (or is `system` for the clock). */
export type Role = 'office' | 'department_head' | 'leader' | 'inspector' | 'system';

export const humanRoles = ['office', 'department_head', 'leader', 'inspector'] as const;
export const roles: readonly Role[] = [...humanRoles, 'system'];

export interface Actor {
  id: string;
  role: Role;
  /** Set for a department_head: the one unit it acts for. */
  unitId?: string;
  name?: string;
}
