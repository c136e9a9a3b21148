import type { BoardView } from './board-view.ts';
import { type FailedTaskRow, failures } from './failed-tasks.ts';
import { perKeyOfView } from './per-key.ts';

/** A unit's part in a failed task: it led it, owned a milestone of it, or held it up. */
export type FailureRole = 'lead' | 'cooperating' | 'waited_on';

/** A failed task as it counts against one unit. */
export interface UnitFailure {
  taskId: string;
  title: string;
  role: FailureRole;
  reasons: string[];
}

/** The units each failed task counts against, each with its part: the first part named wins. */
const roles = new WeakMap<FailedTaskRow, Map<string, FailureRole>>();

const answering = (failed: FailedTaskRow): Map<string, FailureRole> => {
  const known = roles.get(failed);
  if (known) return known;
  const found = new Map<string, FailureRole>();
  const add = (unitId: string, role: FailureRole) => {
    if (!found.has(unitId)) found.set(unitId, role);
  };
  if (failed.reworks.length > 0) add(failed.leadUnitId, 'lead');
  for (const missed of failed.missed) {
    add(missed.unitId, missed.unitId === failed.leadUnitId ? 'lead' : 'cooperating');
  }
  for (const missed of failed.missed) {
    for (const wait of missed.waits) add(wait.unitId, 'waited_on');
  }
  roles.set(failed, found);
  return found;
};

const nobody: ReadonlyMap<string, FailureRole> = new Map();

/**
 * Each unit's failed tasks of the period: the lead unit's, a cooperating
 * unit's whose own milestone was missed, a unit's whose blockage the task
 * waited on past a deadline; in the order of the period's failed tasks.
 * After a write, only the units its tasks' failures name are listed again.
 */
export const unitFailures: (view: BoardView) => ReadonlyMap<string, UnitFailure[]> = perKeyOfView(
  failures,
  (failed) => (failed === null ? nobody : answering(failed)).keys(),
  // A chunk's failed tasks by each unit they count against, in task order.
  (tasks) => {
    const byUnit = new Map<string, UnitFailure[]>();
    for (const failed of tasks) {
      if (failed === null) continue;
      for (const [unitId, role] of answering(failed)) {
        const own = byUnit.get(unitId) ?? [];
        own.push({ taskId: failed.taskId, title: failed.title, role, reasons: failed.reasons });
        byUnit.set(unitId, own);
      }
    }
    return byUnit;
  },
  (_, pieces) => pieces.flat(),
);
