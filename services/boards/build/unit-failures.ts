import { perView } from './board-view.ts';
import type { FailedTaskRow } from './failed-tasks.ts';
import { groupInto } from './grouping.ts';
import { standings } from './scores.ts';

/** A unit's part in a failed task: it led it, owned a milestone of it, or held it up. */
export type FailureRole = 'lead' | 'cooperating' | 'waited_on';

/** A failed task as it counts against one unit. */
export interface UnitFailure {
  taskId: string;
  title: string;
  role: FailureRole;
  reasons: string[];
}

/** The units a failed task counts against, each with its part: the first part named wins. */
const answering = (failed: FailedTaskRow): Map<string, FailureRole> => {
  const roles = new Map<string, FailureRole>();
  const add = (unitId: string, role: FailureRole) => {
    if (!roles.has(unitId)) roles.set(unitId, role);
  };
  if (failed.reworks.length > 0) add(failed.leadUnitId, 'lead');
  for (const missed of failed.missed) {
    add(missed.unitId, missed.unitId === failed.leadUnitId ? 'lead' : 'cooperating');
  }
  for (const missed of failed.missed) {
    for (const wait of missed.waits) add(wait.unitId, 'waited_on');
  }
  return roles;
};

/**
 * Each unit's failed tasks of the period: the lead unit's, a cooperating
 * unit's whose own milestone was missed, a unit's whose blockage the task
 * waited on past a deadline; in the order of the period's failed tasks.
 */
export const unitFailures = perView((view): Map<string, UnitFailure[]> => {
  const byUnit = new Map<string, UnitFailure[]>();
  for (const failed of standings(view).failed) {
    for (const [unitId, role] of answering(failed)) {
      groupInto(byUnit, unitId, {
        taskId: failed.taskId,
        title: failed.title,
        role,
        reasons: failed.reasons,
      });
    }
  }
  return byUnit;
});
