import type { Role } from './actor.ts';

/**
 * Who may do what: one table, read by the services (which enforce it) and the
 * gateway (which documents it). Scope `all`: any task or record; `own_unit`: only
 * tasks the actor's unit leads or co-owns, checked by the task decider.
 * Nobody edits or deletes history: no operation here can.
 */
export type Scope = 'all' | 'own_unit';

export interface Permission {
  kind: 'command' | 'query';
  roles: Partial<Record<Role, Scope>>;
}

const office = { office: 'all' } as const;
const reporters = { office: 'all', department_head: 'own_unit' } as const;
const readers = { office: 'all', department_head: 'all', leader: 'all', inspector: 'all' } as const;

export const permissions = {
  registerUnit: { kind: 'command', roles: office },
  registerTask: { kind: 'command', roles: office },
  assignTask: { kind: 'command', roles: office },
  planMilestone: { kind: 'command', roles: office },
  reportProgress: { kind: 'command', roles: reporters },
  completeMilestone: { kind: 'command', roles: reporters },
  reportBlockage: { kind: 'command', roles: reporters },
  resolveBlockage: { kind: 'command', roles: { ...reporters, leader: 'all' } },
  task: { kind: 'query', roles: readers },
  tasks: { kind: 'query', roles: readers },
  units: { kind: 'query', roles: readers },
  taskHistory: { kind: 'query', roles: readers },
  /** Lookups services make for each other on behalf of the calling actor. */
  internal: { kind: 'query', roles: { ...readers, system: 'all' } },
} as const satisfies Record<string, Permission>;

export type Operation = keyof typeof permissions;

/** The scope a role has for an operation, or null when it may not use it. */
export const scopeOf = (operation: Operation, role: Role): Scope | null => {
  const roles = permissions[operation].roles as Partial<Record<Role, Scope>>;
  // Own properties only: a role named `toString` must not find Object.prototype's.
  return Object.hasOwn(roles, role) ? (roles[role] ?? null) : null;
};
