import type { TaskEvent } from '../../contracts/events/index.ts';
import { buildOverview } from '../../services/boards/build/overview.ts';
import { buildProgressBoard } from '../../services/boards/build/progress-board.ts';
import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import {
  all,
  assigned,
  boardLog,
  completed,
  extensionAsked,
  extensionGranted,
  extensionReviewed,
  planned,
  registered,
  reported,
  rulesetPublished,
  unit,
} from './support/boards.ts';

/** A 100-day task, 2021-03-01 to 2021-06-08: expected progress is 50 at the end of 04-19. */
const hundredDays = (taskId: string, lead: string, section = 'Education'): TaskEvent[] => [
  registered(taskId, { section, plannedStart: '2021-03-01', dueDate: '2021-06-08' }),
  assigned(taskId, lead),
  planned(taskId, 'm1', '2021-06-08'),
];

const onDay = '2021-04-19';

const boardWith = (percent: number) =>
  boardLog()
    .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'))
    .on('2021-04-10', reported('t1', 'm1', percent));

const rowOf = (percent: number) => {
  const [row] = buildProgressBoard(boardWith(percent).input(onDay), all).nodes;
  if (!row) throw new Error('expected a row');
  return row;
};

describe('a task behind its expected progress (序时进度)', () => {
  it('shows actual, expected and how far behind', () => {
    expect(rowOf(38)).toMatchObject({ actual: 38, expected: 50, behind: 12 });
  });

  it('is green at exactly 10 points behind', () => {
    expect(rowOf(40)).toMatchObject({ behind: 10, light: 'green', reasons: [] });
  });

  it('is yellow at 11 points behind, with the reason', () => {
    expect(rowOf(39)).toMatchObject({ light: 'yellow', reasons: ['behind 11 points'] });
  });

  it('is yellow 12 points behind and red 31 behind', () => {
    expect(rowOf(38).light).toBe('yellow');
    expect(rowOf(19)).toMatchObject({ light: 'red', reasons: ['behind 31 points'] });
  });
});

describe('a task 12 points behind', () => {
  const input = boardWith(38).input(onDay);

  it('is counted yellow in its plan section on the overview', () => {
    const overview = buildOverview(input, [], { top: 5 });
    expect(overview.sections).toEqual([
      { section: 'Education', green: 0, yellow: 1, red: 0, suspended: 0, accepted: 0, total: 1 },
    ]);
    expect(overview.totals).toEqual({ green: 0, yellow: 1, red: 0 });
  });

  it('is counted yellow for its lead unit on the responsibility board', () => {
    const [edu] = buildResponsibilityBoard(input, all).nodes;
    expect(edu).toMatchObject({
      unitId: 'edu',
      tasksLed: 1,
      lights: { green: 0, yellow: 1, red: 0 },
    });
  });

  it('is counted in the board counts', () => {
    expect(buildProgressBoard(input, all).counts).toEqual({ green: 0, yellow: 1, red: 0 });
  });
});

describe('a task whose milestone falls due, with no new event', () => {
  const dueSoon = () =>
    boardLog()
      .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'), planned('t1', 'm0', '2021-04-22'))
      // m0 at 100 but not completed; m1 at 0: the task is at 50, on schedule.
      .on('2021-03-02', reported('t1', 'm0', 100));
  const log = dueSoon();
  const lightOn = (day: string) => buildProgressBoard(log.input(day), all).nodes[0];

  it('is green 4 days before the due date', () => {
    expect(lightOn('2021-04-18')).toMatchObject({ light: 'green', reasons: [] });
  });

  it('turns yellow 3 days before it', () => {
    expect(lightOn('2021-04-19')).toMatchObject({
      light: 'yellow',
      reasons: ['milestone "Milestone m0" due in 3 days'],
    });
  });

  it('stays yellow on the due date itself', () => {
    expect(lightOn('2021-04-22')?.reasons).toEqual(['milestone "Milestone m0" due today']);
  });

  it('turns red the day after', () => {
    expect(lightOn('2021-04-23')).toMatchObject({
      light: 'red',
      reasons: ['milestone "Milestone m0" overdue since 2021-04-23'],
    });
  });

  it('is green again once the milestone is completed', () => {
    const done = dueSoon().on('2021-04-24', completed('t1', 'm0'));
    expect(buildProgressBoard(done.input('2021-04-24'), all).nodes[0]?.light).toBe('green');
  });
});

describe('a done task', () => {
  it('is green whatever its dates', () => {
    const log = boardLog()
      .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'))
      .on('2021-07-01', completed('t1', 'm1'));
    expect(buildProgressBoard(log.input('2021-07-02'), all).nodes[0]).toMatchObject({
      actual: 100,
      light: 'green',
    });
  });
});

describe('a suspended task', () => {
  const suspended = () =>
    boardLog()
      .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'))
      .on('2021-04-01', { type: 'TaskSuspended', data: { taskId: 't1', reason: 'budget' } });
  const log = suspended();

  it('has no light and is not counted by light', () => {
    const board = buildProgressBoard(log.input('2021-05-01'), all);
    expect(board.nodes[0]).toMatchObject({ status: 'suspended', light: null, reasons: [] });
    expect(board.counts).toEqual({ green: 0, yellow: 0, red: 0 });
  });

  it('is lit again once resumed', () => {
    const resumed = suspended().on('2021-05-02', {
      type: 'TaskResumed',
      data: { taskId: 't1', reason: 'funded' },
    });
    expect(buildProgressBoard(resumed.input('2021-05-02'), all).nodes[0]?.light).toBe('red');
  });
});

describe('a terminated task', () => {
  it('is no longer on the board', () => {
    const log = boardLog()
      .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'))
      .on('2021-04-01', { type: 'TaskTerminated', data: { taskId: 't1', reason: 'merged' } });
    expect(buildProgressBoard(log.input('2021-03-31'), all).totalCount).toBe(1);
    expect(buildProgressBoard(log.input('2021-04-01'), all).totalCount).toBe(0);
  });
});

describe('the trend and forecast of a task', () => {
  const reports = () =>
    boardLog()
      .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'))
      .on('2021-03-11', reported('t1', 'm1', 10))
      .on('2021-03-21', reported('t1', 'm1', 12), reported('t1', 'm1', 15));
  const log = reports();

  it('compares with the report of the previous day reported on (the same day counts once)', () => {
    // 1 point behind 序时进度 on 03-11 (10 of 11), 6 on 03-21 (15 of 21): falling behind.
    expect(buildProgressBoard(log.input('2021-03-21'), all).nodes[0]).toMatchObject({
      actual: 15,
      previousActual: 10,
      trend: 'down',
      lastReportedOn: '2021-03-21',
    });
  });

  it('forecasts the due date by carrying the recent rate on', () => {
    // 0.5 a day from 03-11 to 03-21, carried 79 days to 06-08: 15 + 39.5.
    expect(buildProgressBoard(log.input('2021-03-21'), all).nodes[0]?.forecast).toBe(54.5);
  });

  it('has no forecast before a second day with a report', () => {
    const first = buildProgressBoard(log.input('2021-03-11'), all).nodes[0];
    // 10 against 11 expected on its day: behind a plan it was level with before.
    expect(first).toMatchObject({ forecast: null, previousActual: 0, trend: 'down' });
  });

  it('goes up when a report closes the gap to expected progress', () => {
    // 6 behind on 03-21, 9 ahead on 03-31 (40 of 31).
    const ahead = reports().on('2021-03-31', reported('t1', 'm1', 40));
    expect(buildProgressBoard(ahead.input('2021-03-31'), all).nodes[0]?.trend).toBe('up');
  });

  it('holds flat while reports keep pace with expected progress', () => {
    // 6 behind on 03-21 (15 of 21), 6 behind on 03-31 (25 of 31).
    const pace = reports().on('2021-03-31', reported('t1', 'm1', 25));
    expect(buildProgressBoard(pace.input('2021-03-31'), all).nodes[0]?.trend).toBe('flat');
  });

  it('goes down when a later report is lower', () => {
    const lower = reports().on('2021-04-01', reported('t1', 'm1', 5));
    expect(buildProgressBoard(lower.input('2021-04-01'), all).nodes[0]?.trend).toBe('down');
  });
});

describe('a board for a day under a ruleset published for it', () => {
  it('uses the thresholds in force on that day', () => {
    const log = boardWith(38).on(
      '2021-04-01',
      rulesetPublished({
        version: 1,
        inForceFrom: '2021-04-19',
        lights: { yellowBehindPoints: 15, redBehindPoints: 40, yellowDueWithinDays: 3 },
      }),
    );
    const before = buildProgressBoard(log.input('2021-04-18'), all);
    const after = buildProgressBoard(log.input('2021-04-19'), all);
    expect(before).toMatchObject({ rulesetVersion: 0, nodes: [{ light: 'yellow' }] });
    expect(after).toMatchObject({ rulesetVersion: 1, nodes: [{ behind: 12, light: 'green' }] });
  });
});

describe('the progress board filtered, sorted and paged', () => {
  const log = boardLog()
    .on('2021-03-01', unit('edu'), unit('env'))
    .on('2021-03-01', ...hundredDays('a', 'edu'), ...hundredDays('b', 'env', 'Environment'))
    .on('2021-03-01', ...hundredDays('c', 'env', 'Environment'), assigned('c', 'env', ['edu']))
    .on('2021-04-19', reported('a', 'm1', 45), reported('b', 'm1', 10), reported('c', 'm1', 38));
  const input = log.input(onDay);

  it('sorts the furthest behind first by default', () => {
    const board = buildProgressBoard(input, all);
    expect(board.nodes.map((row) => [row.taskId, row.behind])).toEqual([
      ['b', 40],
      ['c', 12],
      ['a', 5],
    ]);
  });

  it('sorts on another key and direction', () => {
    const board = buildProgressBoard(input, {
      ...all,
      sort: { field: 'actual', direction: 'desc' },
    });
    expect(board.nodes.map((row) => row.taskId)).toEqual(['a', 'c', 'b']);
  });

  it('filters by section, and counts the lights of the filtered tasks', () => {
    const board = buildProgressBoard(input, { ...all, section: 'Environment' });
    expect(board.nodes.map((row) => row.taskId)).toEqual(['b', 'c']);
    expect(board.counts).toEqual({ green: 0, yellow: 1, red: 1 });
  });

  it('filters by a unit leading or co-owning', () => {
    const board = buildProgressBoard(input, { ...all, unitId: 'edu' });
    expect(board.nodes.map((row) => row.taskId)).toEqual(['c', 'a']);
  });

  it('filters by light, counting the lights before that filter', () => {
    const board = buildProgressBoard(input, { ...all, light: 'red' });
    expect(board.nodes.map((row) => row.taskId)).toEqual(['b']);
    expect(board.totalCount).toBe(1);
    expect(board.counts).toEqual({ green: 1, yellow: 1, red: 1 });
  });

  it('pages with cursors', () => {
    const first = buildProgressBoard(input, { first: 2 });
    expect(first.nodes.map((row) => row.taskId)).toEqual(['b', 'c']);
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = buildProgressBoard(input, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((row) => row.taskId)).toEqual(['a']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('names the lead unit and stamps the day, rules and position', () => {
    const board = buildProgressBoard(input, all);
    expect(board).toMatchObject({ day: onDay, rulesetVersion: 0, position: 15 });
    expect(board.nodes[0]).toMatchObject({ leadUnitId: 'env', leadUnitName: 'Bureau env' });
  });
});

describe('a task given more time for its own due date', () => {
  const log = () =>
    boardLog()
      .on('2021-03-01', unit('edu'), ...hundredDays('t1', 'edu'), ...hundredDays('t2', 'edu'))
      .on('2021-04-01', extensionAsked('t1', null, 'rt', '2021-06-08', '2021-07-08'))
      .on('2021-04-02', extensionReviewed('t1', null, 'rt'));

  it('is due on the new date once granted, and lists the request with its steps', () => {
    const granted = log().on('2021-04-03', extensionGranted('t1', null, 'rt', '2021-07-08'));
    const [row] = buildProgressBoard(granted.input(onDay), { ...all, withExtensions: true }).nodes;
    expect(row).toMatchObject({
      taskId: 't1',
      dueDate: '2021-07-08',
      extensions: [{ requestId: 'rt', status: 'approved', reviewedOn: '2021-04-02' }],
    });
  });

  it('is due on the old date while the request waits for the leader', () => {
    const rows = buildProgressBoard(log().input(onDay), all).nodes;
    expect(rows.map((row) => [row.taskId, row.dueDate, row.extensions.length])).toEqual([
      ['t1', '2021-06-08', 1],
      ['t2', '2021-06-08', 0],
    ]);
  });

  it('is the only row kept by withExtensions', () => {
    const board = buildProgressBoard(log().input(onDay), { ...all, withExtensions: true });
    expect(board.nodes.map((row) => row.taskId)).toEqual(['t1']);
  });
});

describe('the progress board after a write', () => {
  it('orders the rows as a board built afresh does, the row of the task changed placed again', () => {
    // Boards held in memory keep the documents a write did not touch: the same objects.
    // Enough tasks that one changed is patched in, not sorted again.
    const tasks = Array.from({ length: 16 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
    const log = boardLog().on('2021-03-01', unit('edu'));
    for (const [i, taskId] of tasks.entries()) {
      log.on('2021-03-01', ...hundredDays(taskId, 'edu'));
      log.on('2021-04-10', reported(taskId, 'm1', 10 + i * 5));
    }
    const logged = log.input(onDay);
    const milestones = new Map(
      tasks.map((taskId) => [taskId, logged.docs.milestones.filter((m) => m.taskId === taskId)]),
    );
    const input = {
      ...logged,
      docs: {
        ...logged.docs,
        byTask: { milestones, blockages: new Map(), indicators: new Map() },
      },
    };
    const byTitle = { ...all, sort: { field: 'title' as const, direction: 'asc' as const } };
    const ids = (on: typeof input, query = all) =>
      buildProgressBoard(on, query).nodes.map((row) => row.taskId);
    const before = ids(input);
    const beforeByTitle = ids(input, byTitle);
    // t03 is renamed to come last by title.
    const tasksAfter = input.docs.tasks.map((task) =>
      task.id === 't03' ? { ...task, title: '最后一项' } : task,
    );
    const changed = { ...input, docs: { ...input.docs, tasks: tasksAfter } };
    const after = ids(changed);
    const afterByTitle = ids(changed, byTitle);
    expect(afterByTitle).not.toEqual(beforeByTitle);
    expect(afterByTitle.at(-1)).toBe('t03');
    // The same documents as new objects: every row built and sorted afresh.
    const fresh = structuredClone(changed);
    expect(after).toEqual(ids(fresh));
    expect(afterByTitle).toEqual(ids(fresh, byTitle));
    expect(after).toEqual(before);
  });
});
