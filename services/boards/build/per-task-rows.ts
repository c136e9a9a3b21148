import { type BoardView, perTaskOfView, perView, totalOfView } from './board-view.ts';
import { countLights, type LightCounts, type Lit, noLights } from './light-counts.ts';
import type { RowOrder, SortArgs } from './paging.ts';
import { createPatchedSort, type RowChanges } from './patched-sort.ts';
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
 * `perTask` flattened, from the `last` lists flattened: a copy of the last
 * rows with the lists that are new objects written over their places. Null
 * when a list changed its length, or there are not as many (flattened afresh).
 */
const flatPatched = <R>(
  last: { perTask: readonly (readonly R[])[]; rows: readonly R[] },
  perTask: readonly (readonly R[])[],
): R[] | null => {
  if (perTask.length !== last.perTask.length) return null;
  let rows: R[] | null = null;
  let at = 0;
  for (let i = 0; i < perTask.length; i++) {
    const now = perTask[i] as readonly R[];
    const before = last.perTask[i] as readonly R[];
    if (now !== before) {
      if (now.length !== before.length) return null;
      rows ??= last.rows.slice();
      for (let j = 0; j < now.length; j++) rows[at + j] = now[j] as R;
    }
    at += now.length;
  }
  // No list changed: the same rows (they are never changed).
  return rows ?? (last.rows as R[]);
};

/**
 * Every supervised task's rows of a view, in the view's task order, remembering
 * each task's rows so that the rows of two views can be told apart task by task
 * (`changesFrom`): a sorted order of the last view's rows is then patched with
 * the rows of the tasks a write changed (see `createPatchedSort`).
 */
export const viewRows = <R>(rowsOf: (facts: TaskFacts, view: BoardView) => readonly R[]) => {
  const madeOf = new WeakMap<
    readonly R[],
    { tasks: BoardView['tasks']; perTask: readonly (readonly R[])[] }
  >();
  const rowsPerTaskOf = perTaskOfView(rowsOf);
  let last: { perTask: readonly (readonly R[])[]; rows: readonly R[] } | null = null;
  const all = perView((view: BoardView): R[] => {
    const perTask = rowsPerTaskOf(view);
    // Documents held in memory change a write at a time; a past day's view is made afresh.
    const held = view.input.docs.byTask !== undefined;
    const rows = (held && last ? flatPatched(last, perTask) : null) ?? perTask.flat();
    madeOf.set(rows, { tasks: view.tasks, perTask });
    if (held) last = { perTask, rows };
    return rows;
  });

  /**
   * How `rows` differ from `previous`, both a view's rows, task by task: the
   * rows of each task whose rows are new objects. Null when the tasks are not
   * the same ones in the same order, or when more than an eighth of them
   * changed (sorting again is then no dearer).
   */
  const changesFrom =
    (rows: readonly R[]) =>
    (previous: readonly R[]): RowChanges<R> | null => {
      const before = madeOf.get(previous);
      const now = madeOf.get(rows);
      if (!before || !now || before.tasks.length !== now.tasks.length) return null;
      const removed: R[] = [];
      const added: R[] = [];
      let changed = 0;
      for (let i = 0; i < now.tasks.length; i++) {
        if (before.tasks[i]?.task.id !== now.tasks[i]?.task.id) return null;
        const old = before.perTask[i] as readonly R[];
        const current = now.perTask[i] as readonly R[];
        if (old === current) continue;
        if (++changed > now.tasks.length / 8) return null;
        removed.push(...old);
        added.push(...current);
      }
      return { removed, added };
    };

  /** Each task's rows of a view, in the view's task order. */
  const perTaskOf = (view: BoardView): readonly (readonly R[])[] =>
    madeOf.get(all(view))?.perTask ?? [];

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
  const sortRows = createPatchedSort<R>();
  return perView((view: BoardView) => {
    const sorted = new Map<string, readonly R[]>();
    return (sort: SortArgs<F>): readonly R[] => {
      const key = `${sort.field} ${sort.direction}`;
      const all = rows.all(view);
      const known =
        sorted.get(key) ??
        sortRows(key, all, rows.changesFrom(all), {
          key: order.key(sort.field),
          direction: sort.direction,
          id: order.id,
        });
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
