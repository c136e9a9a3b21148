import type { Actor, Role } from '../../contracts/actor.ts';
import type { Operation } from '../../contracts/permissions.ts';
import { scopeOf } from '../../contracts/permissions.ts';

/** The unit the walk's tasks are assigned to: its head acts within its own unit. */
export const leadUnit = 'edu';
/** A registered unit with no part in the walk's tasks: its head is out of scope. */
export const otherUnit = 'tech';
/** A third unit, to transfer to, wait on or coordinate, so the other unit stays a stranger. */
export const spareUnit = 'fin';

/** Who calls: every role, a department head of the right and of a wrong unit, and nobody. */
export interface Caller {
  name:
    | 'office'
    | 'headOfLeadUnit'
    | 'headOfOtherUnit'
    | 'leader'
    | 'inspector'
    | 'anonymous'
    | 'liaisonOfLeadUnit';
  label: string;
  /** Null: no token at all (over HTTP) or no actor in the metadata (over the broker). */
  role: Exclude<Role, 'system'> | null;
  unitId?: string;
}

export const callers: readonly Caller[] = [
  { name: 'office', label: 'the office (督查室)', role: 'office' },
  {
    name: 'headOfLeadUnit',
    label: `the department head of the lead unit ${leadUnit}`,
    role: 'department_head',
    unitId: leadUnit,
  },
  {
    name: 'headOfOtherUnit',
    label: `the department head of an unrelated unit ${otherUnit}`,
    role: 'department_head',
    unitId: otherUnit,
  },
  { name: 'leader', label: 'a leader (领导)', role: 'leader' },
  { name: 'inspector', label: 'a discipline inspector (纪检监察)', role: 'inspector' },
  { name: 'anonymous', label: 'a caller without a token', role: null },
  {
    name: 'liaisonOfLeadUnit',
    label: `a liaison (联络员) of the lead unit ${leadUnit}`,
    role: 'liaison',
    unitId: leadUnit,
  },
];

/** What a caller should get: the call's result, or the code it is refused with. */
export type Expectation = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/**
 * The outcome the permission table promises: no token is UNAUTHENTICATED; a role
 * the table does not list is FORBIDDEN; scope `own_unit` admits only the head of
 * a unit responsible for the task (the lead unit in the walk's states); scope
 * `own_tasks` admits the leader, whom the walk's states name the tasks'
 * responsible leader.
 */
export const expectationOf = (operation: Operation, caller: Caller): Expectation => {
  if (caller.role === null) return 'UNAUTHENTICATED';
  const scope = scopeOf(operation, caller.role);
  if (scope === null) return 'FORBIDDEN';
  if (scope === 'own_unit' && caller.unitId !== leadUnit) return 'FORBIDDEN';
  return 'allowed';
};

/** The first caller over HTTP the table lets use the operation. */
export const permittedCallerOf = (operation: Operation): Caller => {
  const caller = callers.find((candidate) => expectationOf(operation, candidate) === 'allowed');
  if (!caller) throw new Error(`${operation}: no caller over HTTP may use it`);
  return caller;
};

/** The subject the test system signs into the caller's token, so its actor id. */
export const actorIdOf = (caller: Caller): string =>
  `${caller.role}${caller.unitId ? `-${caller.unitId}` : ''}`;

/** The caller as the actor a service would find in a request's metadata. */
export const actorOf = (caller: Caller): Actor | undefined =>
  caller.role === null
    ? undefined
    : {
        id: actorIdOf(caller),
        role: caller.role,
        ...(caller.unitId ? { unitId: caller.unitId } : {}),
      };
