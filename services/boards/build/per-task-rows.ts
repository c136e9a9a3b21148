import { type BoardView, perTaskOfView, perView, totalOfView } from './board-view.ts';
import { isFollowed } from './input.ts';
import { countLights, type LightCounts, type Lit, noLights } from './light-counts.ts';
import { type RowOrder, type SortArgs, sortRows } from './paging.ts';
import { createPatchedSort, type RowChanges } from './patched-sort.ts';
import { type Rope, ropeOf, ropeOfRows } from './rope.ts';
import { perChunk, type SlotList } from './slot-list.ts';
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

/**
 * Every supervised task's rows of a view, in the view's task order, as a rope
 * whose chunks are the rows of each chunk of tasks (see `SlotList`): after a
 * write only the chunks holding the tasks it changed are joined again. The
 * rows of two views are told apart chunk by chunk (`changesFrom`), so that a
 * sorted order of the last view's rows is patched with the rows of the tasks
 * a write changed (see `createPatchedSort`).
 */
export const viewRows = <R>(rowsOf: (facts: TaskFacts, view: BoardView) => readonly R[]) => {
  const madeOf = new WeakMap<Rope<R>, SlotList<readonly R[]>>();
  const rowsPerTaskOf = perTaskOfView(rowsOf);
  const joinedOf = perChunk((chunk: readonly (readonly R[])[]) => chunk.flat() as R[]);
  const all = perView((view: BoardView): Rope<R> => {
    const perTask = rowsPerTaskOf(view);
    const rows = ropeOf(perTask.chunks.map(joinedOf));
    madeOf.set(rows, perTask);
    return rows;
  });

  /**
   * How `rows` differ from `previous`, both a view's rows, place by place: the
   * rows of each task whose rows are new objects, looked at only in the chunks
   * that are new. Null when there are not as many tasks, or when more than an
   * eighth of them changed (sorting again is then no dearer).
   */
  const changesFrom =
    (rows: Rope<R>) =>
    (previous: Rope<R>): RowChanges<R> | null => {
      const before = madeOf.get(previous);
      const now = madeOf.get(rows);
      if (!before || !now || before.length !== now.length) return null;
      const removed: R[] = [];
      const added: R[] = [];
      let changed = 0;
      for (let chunk = 0; chunk < now.chunks.length; chunk++) {
        const was = before.chunks[chunk] as readonly (readonly R[])[];
        const is = now.chunks[chunk] as readonly (readonly R[])[];
        if (was === is) continue;
        for (let i = 0; i < is.length; i++) {
          const old = was[i] as readonly R[];
          const current = is[i] as readonly R[];
          if (old === current) continue;
          if (++changed > now.length / 8) return null;
          removed.push(...old);
          added.push(...current);
        }
      }
      return { removed, added };
    };

  /** Each task's rows of a view, in the view's task order. */
  const perTaskOf = (view: BoardView): SlotList<readonly R[]> => rowsPerTaskOf(view);

  return { all, changesFrom, perTaskOf };
};

/**
 * A view's rows (of `rows`) in each order asked, each sorted once per view;
 * the last order under each sort patched after a write: only the rows of the
 * tasks it changed are placed again. Filtering the sorted rows keeps the order.
 */
export const sortedViewRows = <R, F extends string>(
  rows: ReturnType<typeof viewRows<R>>,
  order: RowOrder<R, F>,
) => {
  const patchedSort = createPatchedSort<R, Rope<R>>();
  return perView((view: BoardView) => {
    const sorted = new Map<string, Rope<R>>();
    // Documents held in memory change a write at a time; a past day's view is sorted afresh.
    const held = isFollowed(view.input);
    return (sort: SortArgs<F>): Rope<R> => {
      const key = `${sort.field} ${sort.direction}`;
      const all = rows.all(view);
      const by = { key: order.key(sort.field), direction: sort.direction, id: order.id };
      const known =
        sorted.get(key) ??
        (held
          ? patchedSort(key, all, rows.changesFrom(all), by)
          : ropeOfRows(sortRows(all, by.key, by.direction, by.id)));
      sorted.set(key, known);
      return known;
    };
  });
};

/** Each task's rows' lights counted, once per version of its rows. */
const lightsCounted = new WeakMap<readonly { light: Lit }[], LightCounts>();

const lightsOf = (rows: readonly { light: Lit }[]): LightCounts => {
  let counts = lightsCounted.get(rows);
  if (counts === undefined) {
    counts = countLights(rows.map((row) => row.light));
    lightsCounted.set(rows, counts);
  }
  return counts;
};

/**
 * The lights of a view's every row (of `rows`), counted as the sum of each
 * task's: after a write only the changed tasks' counts are taken off and added.
 */
export const viewRowLights = <R extends { light: Lit }>(rows: ReturnType<typeof viewRows<R>>) =>
  totalOfView((view) => rows.perTaskOf(view), {
    empty: noLights,
    add: (total, own: readonly R[], sign) => {
      const counts = lightsOf(own);
      total.green += sign * counts.green;
      total.yellow += sign * counts.yellow;
      total.red += sign * counts.red;
    },
    copy: (total) => ({ ...total }),
  });
