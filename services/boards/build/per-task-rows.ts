import type { BoardView } from './board-view.ts';
import type { TaskFacts } from './task-facts.ts';

/**
 * A builder of one task's rows, remembered while what they are built from is
 * the same object: the task's facts (its document, milestones, day and
 * ruleset), the parts given (its indicators, its blockages) and the unit names.
 * Documents are never changed in place, so between two boards a write rebuilds
 * the rows of the tasks it touched only.
 */
export const rowsPerTask = <R>(build: (facts: TaskFacts, view: BoardView) => R[]) => {
  const memo = new WeakMap<TaskFacts, { parts: unknown; units: unknown; rows: R[] }>();
  return (facts: TaskFacts, view: BoardView, parts: unknown = null): R[] => {
    const units = view.input.docs.units;
    const known = memo.get(facts);
    if (known && known.parts === parts && known.units === units) return known.rows;
    const rows = build(facts, view);
    memo.set(facts, { parts, units, rows });
    return rows;
  };
};
