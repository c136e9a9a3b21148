import type { BoardView } from '../../services/boards/build/board-view.ts';
import { type SectionTally, sectionTallies } from '../../services/boards/build/section-tallies.ts';
import type { TaskFacts } from '../../services/boards/build/task-facts.ts';
import { viewSerial } from '../../services/boards/build/view-changes.ts';

/*
 * The overview's counts by plan section and kind, patched from the last view's
 * after a few tasks changed: always what counting every task again gives.
 */

type Light = TaskFacts['lit'];
type Shape = { id: string; section: string | null; kind?: string; accepted?: boolean; lit: Light };

/** Facts with only what the tallies read: a new object for every call, as a changed task's are. */
const factsOf = ({ id, section, kind, accepted, lit }: Shape): TaskFacts =>
  ({
    task: { id, section, ...(kind ? { kind } : {}), completion: accepted ? 'accepted' : null },
    lit,
  }) as unknown as TaskFacts;

/**
 * A view of documents held in memory (the same day, rules, units and parts
 * throughout), numbered as the boards number theirs: one that follows the
 * last is told apart from it task by task, and its tallies patched.
 */
const held = {
  docs: { byTask: {}, units: [], officials: [] },
} as unknown as BoardView['input'];
const noParts = { milestones: new Map(), blockages: new Map(), indicators: new Map() };
const viewOf = (tasks: readonly TaskFacts[]): BoardView => {
  const slots = new Map(tasks.map((facts, slot) => [facts.task.id, slot]));
  const serial = viewSerial(held, noParts, tasks, (id) => slots.get(id) ?? -1);
  return { serial, input: held, tasks } as unknown as BoardView;
};

/** Counting every task, one group at a time: what the tallies must equal. */
const reference = (tasks: readonly TaskFacts[]): SectionTally[] => {
  const groups = new Map<string, TaskFacts[]>();
  for (const facts of tasks) {
    const key = JSON.stringify([facts.task.section, facts.task.kind ?? 'annual_plan']);
    groups.set(key, [...(groups.get(key) ?? []), facts]);
  }
  return [...groups.values()].map((list) => ({
    section: list[0]!.task.section,
    kind: list[0]!.task.kind ?? 'annual_plan',
    green: list.filter((facts) => facts.lit === 'green').length,
    yellow: list.filter((facts) => facts.lit === 'yellow').length,
    red: list.filter((facts) => facts.lit === 'red').length,
    suspended: list.filter((facts) => facts.lit === null).length,
    accepted: list.filter((facts) => facts.task.completion === 'accepted').length,
    total: list.length,
  }));
};

const sorted = (tallies: readonly SectionTally[]) =>
  [...tallies].sort((a, b) =>
    `${a.kind}|${a.section ?? '∅'}` < `${b.kind}|${b.section ?? '∅'}` ? -1 : 1,
  );

const lights: Light[] = ['green', 'yellow', 'red', null];
const sections = [null, '', '一、经济', '二、民生'];
const kinds = [undefined, 'npc_suggestion', 'citizen_clue'];

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

const pick = <T>(next: () => number, from: readonly T[]): T =>
  from[Math.floor(next() * from.length)] as T;

const shapeOf = (next: () => number, id: string): Shape => ({
  id,
  section: pick(next, sections),
  kind: pick(next, kinds),
  accepted: next() < 0.3,
  lit: pick(next, lights),
});

describe('the overview’s tallies by section and kind', () => {
  it('after every few changes, equal counting every task again', () => {
    const next = random(7);
    let shapes = Array.from({ length: 200 }, (_, i) => shapeOf(next, `task-${i}`));
    let tasks = shapes.map(factsOf);
    for (let round = 0; round < 300; round++) {
      // A few tasks change (light, section, kind, acceptance): new facts objects.
      const changed = 1 + Math.floor(next() * 5);
      const copy = [...tasks];
      for (let k = 0; k < changed; k++) {
        const i = Math.floor(next() * shapes.length);
        shapes = shapes.map((shape, j) => (j === i ? shapeOf(next, shape.id) : shape));
        copy[i] = factsOf(shapes[i]!);
      }
      tasks = copy;
      expect(sorted(sectionTallies(viewOf(tasks)))).toEqual(sorted(reference(tasks)));
    }
  });

  it('count again when the tasks are others, more, fewer or mostly changed', () => {
    const next = random(11);
    const shapes = Array.from({ length: 40 }, (_, i) => shapeOf(next, `task-${i}`));
    const tasks = shapes.map(factsOf);
    const cases = [
      tasks,
      tasks.slice(1),
      [...tasks, factsOf(shapeOf(next, 'task-new'))],
      tasks.map((facts, i) => (i % 2 === 0 ? factsOf(shapeOf(next, facts.task.id)) : facts)),
      [...tasks].reverse(),
      // Two tasks trade places: a few places differ, the same tasks counted.
      [tasks[1]!, tasks[0]!, ...tasks.slice(2)],
      tasks.map((facts) => factsOf({ ...shapeOf(next, facts.task.id), lit: 'red' })),
    ];
    for (const list of cases) {
      expect(sorted(sectionTallies(viewOf(list)))).toEqual(sorted(reference(list)));
    }
  });

  it('leave no group whose tasks have all gone elsewhere', () => {
    const one = factsOf({ id: 'a', section: '一、经济', lit: 'green' });
    const rest = Array.from({ length: 20 }, (_, i) =>
      factsOf({ id: `b${i}`, section: '二、民生', lit: 'red' }),
    );
    sectionTallies(viewOf([one, ...rest]));
    const moved = factsOf({ id: 'a', section: '二、民生', lit: 'green' });
    const after = sectionTallies(viewOf([moved, ...rest]));
    expect(after.map((tally) => tally.section)).toEqual(['二、民生']);
    expect(after[0]).toMatchObject({ green: 1, red: 20, total: 21 });
  });

  it('give the same answer for the same view, and never change one given before', () => {
    // Enough tasks unchanged that the next view's tallies are patched from these.
    const others = Array.from({ length: 20 }, (_, i) =>
      factsOf({ id: `b${i}`, section: null, lit: 'green' }),
    );
    const tasks = [factsOf({ id: 'a', section: null, lit: 'yellow' }), ...others];
    const view = viewOf(tasks);
    const first = sectionTallies(view);
    const copy = structuredClone(first);
    sectionTallies(viewOf([factsOf({ id: 'a', section: null, lit: 'red' }), ...others]));
    expect(sectionTallies(view)).toBe(first);
    expect(first).toEqual(copy);
  });
});
