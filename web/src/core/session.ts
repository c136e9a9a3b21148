import type { Role } from '../../../contracts/actor.ts';
import { type Scope, scopeIn } from '../../../contracts/permission-types.ts';
import { meQuery } from '../operations/session.ts';
import { gql } from './api.ts';
import { type Operation, permissions } from './permissions.generated.ts';
import { clearToken, getToken } from './session-store.ts';

/** Who is signed in, as the server reads the token. */
export interface Me {
  id: string;
  role: Role;
  unitId: string | null;
  name: string | null;
}

let me: Me | null = null;

/**
 * A role as the permission table (shared with the services) spells it, from
 * the API's enum value: `DEPARTMENT_HEAD` → `department_head`.
 */
export const roleOf = (apiRole: string): Role => apiRole.toLowerCase() as Role;

/** The signed-in user, asked of the server once per token. */
export const loadMe = async (): Promise<Me | null> => {
  if (!getToken()) return null;
  if (!me) {
    const answer = (await gql<{ me: Me & { role: string } }>(meQuery)).me;
    me = { ...answer, role: roleOf(answer.role) };
  }
  return me;
};

export const currentUser = (): Me | null => me;

export const signOut = (): void => {
  clearToken();
  me = null;
};

/**
 * The role's scope for an operation, from the same table the services enforce
 * (generated from `contracts/catalogue`): what the role may not do is not offered.
 */
export const scope = (operation: Operation): Scope | null =>
  me ? scopeIn(permissions, operation, me.role) : null;

export const can = (operation: Operation): boolean => scope(operation) !== null;

/** The units a task involves: its lead and its co-owners. */
export interface TaskUnits {
  leadUnitId: string | null;
  cooperatingUnitIds: readonly string[];
}

/** Whether the user may use `operation` on this task: `own_unit` needs the unit to lead or co-own it. */
export const canOnTask = (operation: Operation, task: TaskUnits): boolean => {
  const granted = scope(operation);
  if (granted === 'all') return true;
  if (granted !== 'own_unit' || !me?.unitId) return false;
  return task.leadUnitId === me.unitId || task.cooperatingUnitIds.includes(me.unitId);
};

/**
 * Whether the user may use a leader's `operation` on a task whose responsible
 * leader (分管领导) is `responsibleLeader`: scope `own_tasks` needs the user to
 * be that leader (its id is the official's), or the task to have none.
 */
export const canAsLeaderOf = (operation: Operation, responsibleLeader: string | null): boolean => {
  const granted = scope(operation);
  if (granted === 'all') return true;
  return granted === 'own_tasks' && (responsibleLeader === null || responsibleLeader === me?.id);
};

/** Whether the user's unit leads the task (signing, extensions and completion are the lead's). */
export const leadsTask = (task: TaskUnits): boolean =>
  me?.unitId !== undefined && me?.unitId !== null && task.leadUnitId === me.unitId;
