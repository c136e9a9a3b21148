import type { Role } from './actor.ts';

/**
 * Scope `all`: any task or record; `own_unit`: only tasks the actor's unit leads
 * or co-owns, or a unit below it in the unit tree does (checked by the task decider); `own_tasks`: only tasks whose
 * responsible leader (分管领导) the actor is, or tasks without one (checked by
 * the task decider); `own_actions`: only the events the actor itself recorded
 * (audit search).
 */
export type Scope = 'all' | 'own_unit' | 'own_tasks' | 'own_actions';

/** Who may call an operation, and how far: no entry, no access. */
export type Roles = Partial<Record<Role, Scope>>;

export interface Permission {
  kind: 'command' | 'query';
  roles: Roles;
}

/** The scope a role has in a table for an operation, or null when it may not use it. */
export const scopeIn = <O extends string>(
  table: Readonly<Record<O, Permission>>,
  operation: O,
  role: Role,
): Scope | null => {
  const roles: Roles = table[operation].roles;
  // Own properties only: a role named `toString` must not find Object.prototype's.
  return Object.hasOwn(roles, role) ? (roles[role] ?? null) : null;
};
