import { perView } from './board-view.ts';
import { groupInto } from './grouping.ts';
import { standings } from './scores.ts';

/** A failed task as it counts against one unit. */
export interface UnitFailure {
  taskId: string;
  title: string;
  role: 'lead' | 'cooperating';
  reasons: string[];
}

/**
 * Each unit's failed tasks of the period, as lead unit or co-unit (a lead unit
 * listed as co-unit too counts as lead), in the order of the period's failed tasks.
 */
export const unitFailures = perView((view): Map<string, UnitFailure[]> => {
  const byUnit = new Map<string, UnitFailure[]>();
  for (const failed of standings(view).failed) {
    const as = (role: UnitFailure['role']): UnitFailure => ({
      taskId: failed.taskId,
      title: failed.title,
      role,
      reasons: failed.reasons,
    });
    groupInto(byUnit, failed.leadUnitId, as('lead'));
    for (const unitId of new Set(failed.cooperatingUnitIds)) {
      if (unitId !== failed.leadUnitId) groupInto(byUnit, unitId, as('cooperating'));
    }
  }
  return byUnit;
});
