import type { DomainEvent } from '../../contracts/events/index.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { boardInputOf } from '../../services/boards/as-of/snapshot.ts';
import { buildBlockageBoard } from '../../services/boards/build/blockage-board.ts';
import { boardView } from '../../services/boards/build/board-view.ts';
import type { BoardInput } from '../../services/boards/build/input.ts';
import { buildOverview } from '../../services/boards/build/overview.ts';
import {
  asksProgressFilter,
  buildProgressBoard,
} from '../../services/boards/build/progress-board.ts';
import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import {
  allResultRows,
  asksResultFilter,
  buildResultsBoard,
} from '../../services/boards/build/results-board.ts';
import {
  allStageRows,
  asksStageFilter,
  buildStageBoard,
} from '../../services/boards/build/stage-board.ts';
import { changedSince } from '../../services/boards/build/view-changes.ts';
import {
  blockageBoardInput,
  overviewInput,
  progressBoardInput,
  responsibilityBoardInput,
  resultsBoardInput,
  stageBoardInput,
} from '../../services/boards/inputs.ts';
import { createBoardMemory } from '../../services/boards/memory/board-memory.ts';
import {
  accountable,
  assigned,
  at,
  blocked,
  completed,
  indicator,
  planned,
  registered,
  reported,
  resolved,
  transferred,
  unit,
  urged,
  valued,
} from './support/boards.ts';
import { appendLogged, storeOf } from './support/boards-store.ts';

const today = '2021-06-15';
const units = ['edu', 'env', 'health'];
const taskIds = Array.from({ length: 24 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

/** 24 tasks over three units, each with milestones (some overdue by June), some with a blockage or an indicator. */
const plan = (): DomainEvent[] => [
  ...units.map((unitId) => unit(unitId)),
  ...taskIds.flatMap((taskId, i) => [
    registered(taskId, { section: i % 2 === 0 ? 'Education' : 'Ecology' }),
    assigned(taskId, units[i % 3] as string, [units[(i + 1) % 3] as string]),
    planned(taskId, 'm1', `2021-0${3 + (i % 6)}-10`),
    planned(taskId, 'm2', '2021-11-30'),
    ...(i % 4 === 0 ? [blocked(taskId, 'b1', units[(i + 2) % 3] as string)] : []),
    ...(i % 5 === 0 ? [indicator(taskId, 'i1', 100, 'gte')] : []),
    ...(i % 7 === 0 ? [urged(taskId, 'u1', units[(i + 1) % 3] as string, '2021-01-04')] : []),
  ]),
];

/** Writes of today, each touching one task (or a unit): what the boards follow one at a time. */
const writes: DomainEvent[] = [
  reported('t03', 'm1', 50),
  completed('t05', 'm1'),
  blocked('t07', 'b2', 'env'),
  resolved('t01', 'b1'),
  valued('t06', 'i1', 80, today),
  reported('t03', 'm2', 10),
  transferred('t10', 'edu', 'health'),
  completed('t12', 'm1'),
  unit('culture'),
  urged('t08', 'u2', 'health', today),
  urged('t08', 'u3', 'edu', today),
  reported('t20', 'm1', 100),
  // Score items that are not a task's deductions: a unit's other items change, its task items not.
  {
    type: 'BonusAwarded',
    data: {
      taskId: 't09',
      bonusId: 'b-1',
      unitId: 'edu',
      kind: 'commendation',
      points: 1,
      reason: '区长肯定性批示',
      awardedBy: 'leader-1',
      awardedOn: today,
    },
  },
  accountable('t11', 'r-1', { kind: 'unit', id: 'health' }, 2),
];

/** Every board, unfiltered and filtered, as the service asks them, and every row in task order. */
const boardsOf = (input: BoardInput) => ({
  rows: { stage: allStageRows(input), results: allResultRows(boardView(input)) },
  overview: buildOverview(input, [], overviewInput.parse({})),
  // A board of one kind judges the tasks of that kind alone: a view of its own between the others.
  // One of another kind (none here): fewer tasks, never followed.
  responsibility: [{}, { kind: 'annual_plan' }, { kind: 'cppcc_proposal' }, { unitId: 'env' }].map(
    (query) => buildResponsibilityBoard(input, responsibilityBoardInput.parse(query)),
  ),
  stage: [
    {},
    { unitId: 'edu' },
    { state: 'overdue' },
    { section: 'Ecology' },
    { kind: 'annual_plan' },
  ].map((query) => buildStageBoard(input, stageBoardInput.parse({ first: 200, ...query }))),
  blockage: buildBlockageBoard(input, blockageBoardInput.parse({ first: 200 })),
  progress: [{}, { unitId: 'env' }, { light: 'red' }].map((query) =>
    buildProgressBoard(input, progressBoardInput.parse({ first: 200, ...query })),
  ),
  results: [{}, { attained: false }].map((query) =>
    buildResultsBoard(input, resultsBoardInput.parse({ first: 200, ...query })),
  ),
});

/** The same documents as new objects, not held (no parts by task): boards built afresh from them. */
const afresh = (input: BoardInput): BoardInput => {
  const { byTask: _, ...docs } = input.docs;
  return { ...input, docs: structuredClone(docs) };
};

describe("today's boards after each write", () => {
  it('are the boards built afresh from the same documents, only what a write changed made again', async () => {
    const eventStore = await storeOf(
      plan().map((event) => ({ event, recordedAt: at('2021-01-04') }) as never),
    );
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    const memory = createBoardMemory({ eventStore, readModels });
    let before = boardInputOf(today, await memory.latest());
    expect(boardsOf(before)).toEqual(boardsOf(afresh(before)));
    const patched: number[] = [];
    for (const event of writes) {
      await appendLogged(eventStore, [{ event, recordedAt: at(today) }]);
      const input = boardInputOf(today, await memory.latest());
      expect(boardsOf(input)).toEqual(boardsOf(afresh(input)));
      const changed = changedSince(
        boardView(input).serial,
        boardView(before).serial,
        input.docs.tasks.length,
      );
      if (changed !== null) patched.push(changed.length);
      before = input;
    }
    // Each write to a task was followed task by task (one task changed); a new unit is not.
    expect(patched).toEqual(writes.filter((w) => w.type !== 'UnitRegistered').map(() => 1));
  });
});

describe('a board asked with no filter', () => {
  // Not filters: the day, the page, the order, and the facet counted over the rows kept.
  const notFilters = new Set(['asOf', 'first', 'after', 'sort', 'state', 'light']);
  const valuesOf = (key: string): unknown[] =>
    ['withExtensions', 'attained'].includes(key)
      ? [true, ...(key === 'attained' ? [false] : [])]
      : ['dueFrom', 'dueTo'].includes(key)
        ? ['2021-06-01']
        : key === 'kind'
          ? ['cppcc_proposal']
          : key === 'trend'
            ? ['up']
            : ['x'];

  it.each([
    ['stageBoard', stageBoardInput, asksStageFilter],
    ['progressBoard', progressBoardInput, asksProgressFilter],
    ['resultsBoard', resultsBoardInput, asksResultFilter],
  ] as const)('%s: keeps every row only when none of its filters is asked', (_, schema, asks) => {
    expect(asks(schema.parse({}) as never)).toBe(false);
    const filters = Object.keys(schema.shape).filter((key) => !notFilters.has(key));
    expect(filters.length).toBeGreaterThan(4);
    for (const key of filters) {
      for (const value of valuesOf(key)) {
        expect([key, value, asks(schema.parse({ [key]: value }) as never)]).toEqual([
          key,
          value,
          true,
        ]);
      }
    }
  });
});
