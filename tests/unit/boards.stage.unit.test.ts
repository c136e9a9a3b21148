import type { BoardInput } from '../../services/boards/build/input.ts';
import { buildStageBoard } from '../../services/boards/build/stage-board.ts';
import {
  all,
  assigned,
  boardLog,
  completed,
  extensionAsked,
  extensionGranted,
  extensionRefused,
  extensionReviewed,
  planned,
  registered,
  reported,
  rulesetPublished,
  unit,
} from './support/boards.ts';

const oneMilestone = (due: string) =>
  boardLog().on(
    '2021-03-01',
    unit('edu'),
    registered('t1'),
    assigned('t1', 'edu'),
    planned('t1', 'm1', due),
  );

const rowOn = (log: ReturnType<typeof boardLog>, day: string) => {
  const [row] = buildStageBoard(log.input(day), all).nodes;
  if (!row) throw new Error('expected a row');
  return row;
};

describe('an open milestone by the days left to its due date (default window: 3 days)', () => {
  const log = oneMilestone('2021-04-22');

  it('is upcoming 4 days before', () => {
    expect(rowOn(log, '2021-04-18')).toMatchObject({ state: 'upcoming', daysLeft: 4 });
  });

  it('is due soon 3 days before', () => {
    expect(rowOn(log, '2021-04-19')).toMatchObject({ state: 'due_soon', daysLeft: 3 });
  });

  it('is due soon on the due date', () => {
    expect(rowOn(log, '2021-04-22')).toMatchObject({ state: 'due_soon', daysLeft: 0 });
  });

  it('is overdue the day after, counting the days', () => {
    expect(rowOn(log, '2021-04-23')).toMatchObject({ state: 'overdue', daysOverdue: 1 });
    expect(rowOn(log, '2021-05-02')).toMatchObject({ state: 'overdue', daysOverdue: 10 });
  });

  it('is due soon within the window of the ruleset in force', () => {
    const wider = oneMilestone('2021-04-22').on(
      '2021-04-01',
      rulesetPublished({
        inForceFrom: '2021-04-01',
        lights: { yellowBehindPoints: 10, redBehindPoints: 30, yellowDueWithinDays: 5 },
      }),
    );
    expect(rowOn(wider, '2021-04-17')).toMatchObject({ state: 'due_soon', daysLeft: 5 });
  });
});

describe('a completed milestone', () => {
  it('is done on time when completed on its due date', () => {
    const log = oneMilestone('2021-04-22').on('2021-04-22', completed('t1', 'm1'));
    expect(rowOn(log, '2021-05-01')).toMatchObject({
      state: 'done_on_time',
      completedOn: '2021-04-22',
      daysLeft: null,
      daysOverdue: 0,
    });
  });

  it('is done late when completed the day after', () => {
    const log = oneMilestone('2021-04-22').on('2021-04-23', completed('t1', 'm1'));
    expect(rowOn(log, '2021-04-23').state).toBe('done_late');
  });

  it('is open again after a reopening', () => {
    const log = oneMilestone('2021-04-22')
      .on('2021-04-20', completed('t1', 'm1'))
      .on('2021-04-25', {
        type: 'MilestoneReopened',
        data: { taskId: 't1', milestoneId: 'm1', reason: 'redo', percent: 80 },
      });
    expect(rowOn(log, '2021-04-25')).toMatchObject({
      state: 'overdue',
      percent: 80,
      reopenedCount: 1,
      completedOn: null,
    });
  });
});

describe('a milestone with an extension granted', () => {
  const log = oneMilestone('2021-04-22')
    .on('2021-04-20', extensionAsked('t1', 'm1', 'r1', '2021-04-22', '2021-05-31'))
    .on('2021-04-21', extensionReviewed('t1', 'm1', 'r1'))
    .on('2021-04-21', extensionGranted('t1', 'm1', 'r1', '2021-05-31'));

  it('is due on the new date, keeping the planned one', () => {
    expect(rowOn(log, '2021-04-25')).toMatchObject({
      state: 'upcoming',
      plannedDueDate: '2021-04-22',
      dueDate: '2021-05-31',
    });
  });

  it('was due on the old date as known before the approval', () => {
    expect(rowOn(log, '2021-04-20')).toMatchObject({ dueDate: '2021-04-22', state: 'due_soon' });
  });

  it('lists the request and its decision', () => {
    expect(rowOn(log, '2021-04-25').extensions).toEqual([
      {
        requestId: 'r1',
        requestedOn: '2021-04-20',
        currentDueDate: '2021-04-22',
        requestedDueDate: '2021-05-31',
        reason: 'rain',
        status: 'approved',
        reviewedOn: '2021-04-21',
        reviewedBy: 'office-1',
        reviewComment: 'reviewed',
        decidedOn: '2021-04-21',
        decidedBy: 'leader-1',
        rejectionReason: null,
      },
    ]);
  });
});

describe('the extensions on the stage board', () => {
  const log = boardLog()
    .on('2021-03-01', unit('edu'), registered('t1'), assigned('t1', 'edu'))
    .on('2021-03-01', planned('t1', 'a', '2021-06-30'), planned('t1', 'b', '2021-06-30'))
    .on('2021-03-01', planned('t1', 'c', '2021-06-30'), planned('t1', 'd', '2021-06-30'))
    .on('2021-03-01', planned('t1', 'e', '2021-06-30'))
    .on('2021-04-01', extensionAsked('t1', 'a', 'ra', '2021-06-30', '2021-07-31'))
    .on('2021-04-01', extensionAsked('t1', 'b', 'rb', '2021-06-30', '2021-07-31'))
    .on('2021-04-01', extensionAsked('t1', 'c', 'rc', '2021-06-30', '2021-07-31'))
    .on('2021-04-01', extensionAsked('t1', 'd', 'rd', '2021-06-30', '2021-07-31'))
    .on('2021-04-01', extensionAsked('t1', 'e', 're', '2021-06-30', '2021-07-31'))
    .on('2021-04-02', ...['a', 'b', 'c'].map((m) => extensionReviewed('t1', m, `r${m}`)))
    .on('2021-04-02', extensionReviewed('t1', 'd', 'rd', false))
    .on('2021-04-03', extensionGranted('t1', 'a', 'ra', '2021-07-31'))
    .on('2021-04-03', extensionRefused('t1', 'b', 'rb'));
  /** The rows a to e, in that order (a granted extension moves a row down the due dates). */
  const rowsOn = (day: string) =>
    buildStageBoard(log.input(day), all).nodes.sort((x, y) =>
      x.milestoneId.localeCompare(y.milestoneId),
    );
  const statuses = (day: string) => rowsOn(day).map((row) => row.extensions[0]?.status);

  it('go pending → forwarded or declined (初审) → approved or rejected (决定)', () => {
    expect(statuses('2021-04-01')).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(statuses('2021-04-02')).toEqual([
      'forwarded',
      'forwarded',
      'forwarded',
      'declined',
      'pending',
    ]);
    expect(statuses('2021-04-03')).toEqual([
      'approved',
      'rejected',
      'forwarded',
      'declined',
      'pending',
    ]);
  });

  it('record the office’s review: its day, who and the comment', () => {
    const [, , , declined] = rowsOn('2021-04-03');
    expect(declined?.extensions[0]).toMatchObject({
      status: 'declined',
      reviewedOn: '2021-04-02',
      reviewedBy: 'office-1',
      reviewComment: 'reviewed',
      decidedOn: null,
    });
    expect(declined?.dueDate).toBe('2021-06-30');
  });

  it('are counted asked, granted, refused (by the office or the leader) and pending (still open)', () => {
    expect(buildStageBoard(log.input('2021-04-03'), all).extensions).toEqual({
      asked: 5,
      granted: 1,
      refused: 2,
      pending: 2,
    });
    expect(buildStageBoard(log.input('2021-04-01'), all).extensions).toEqual({
      asked: 5,
      granted: 0,
      refused: 0,
      pending: 5,
    });
  });

  it('leave out a request for the task’s own due date: no milestone row has it', () => {
    const taskLevel = oneMilestone('2021-06-30')
      .on('2021-04-04', extensionAsked('t1', null, 'rt', '2021-12-31', '2022-01-31'))
      .on('2021-04-05', extensionReviewed('t1', null, 'rt'))
      .on('2021-04-06', extensionGranted('t1', null, 'rt', '2022-01-31'));
    expect(rowOn(taskLevel, '2021-04-06')).toMatchObject({ dueDate: '2021-06-30', extensions: [] });
  });
});

describe('a milestone due on a holiday (2021-10-04, National Day)', () => {
  const log = oneMilestone('2021-10-04');

  it('shows the limit: the first working day after it, 10-08', () => {
    expect(rowOn(log, '2021-10-05')).toMatchObject({
      dueDate: '2021-10-04',
      limitDate: '2021-10-08',
      state: 'due_soon',
      daysLeft: 3,
    });
  });

  it('is done on time when completed on 10-08, the limit', () => {
    const done = oneMilestone('2021-10-04').on('2021-10-08', completed('t1', 'm1'));
    expect(rowOn(done, '2021-10-10').state).toBe('done_on_time');
  });

  it('is overdue from 10-09, counted from the limit', () => {
    expect(rowOn(log, '2021-10-09')).toMatchObject({ state: 'overdue', daysOverdue: 1 });
  });
});

describe('the stage board filtered, sorted and paged', () => {
  const log = boardLog()
    .on('2021-03-01', unit('edu'), unit('env'))
    .on('2021-03-01', registered('a'), assigned('a', 'edu'), planned('a', 'm1', '2021-04-10'))
    .on('2021-03-01', planned('a', 'm2', '2021-04-20'), planned('a', 'm3', '2021-06-30'))
    .on('2021-03-01', registered('b', { section: 'Environment' }), assigned('b', 'env'))
    .on('2021-03-01', planned('b', 'm1', '2021-04-01'), planned('b', 'm2', '2021-04-19'))
    .on('2021-03-20', completed('b', 'm1'), reported('a', 'm1', 50))
    .on('2021-03-25', extensionAsked('a', 'm3', 'r1', '2021-06-30', '2021-07-31'));
  const input = log.input('2021-04-17');

  it('counts the rows per state', () => {
    expect(buildStageBoard(input, all).counts).toEqual({
      upcoming: 1,
      due_soon: 2,
      overdue: 1,
      done_on_time: 1,
      done_late: 0,
      suspended: 0,
    });
  });

  it('sorts by due date by default', () => {
    const board = buildStageBoard(input, all);
    expect(board.nodes.map((row) => row.id)).toEqual(['b/m1', 'a/m1', 'b/m2', 'a/m2', 'a/m3']);
  });

  it('filters by state, counting every state before that filter', () => {
    const board = buildStageBoard(input, { ...all, state: 'overdue' });
    // Due Saturday 04-10: the limit runs to Monday 04-12, overdue from 04-13.
    expect(board.nodes.map((row) => [row.id, row.daysOverdue])).toEqual([['a/m1', 5]]);
    expect(board.counts.upcoming).toBe(1);
  });

  it('filters by a due window, both days included', () => {
    const board = buildStageBoard(input, { ...all, dueFrom: '2021-04-10', dueTo: '2021-04-19' });
    expect(board.nodes.map((row) => row.id)).toEqual(['a/m1', 'b/m2']);
  });

  it('filters by lead unit, section and task', () => {
    expect(buildStageBoard(input, { ...all, unitId: 'env' }).totalCount).toBe(2);
    expect(buildStageBoard(input, { ...all, section: 'Education' }).totalCount).toBe(3);
    expect(buildStageBoard(input, { ...all, taskId: 'b' }).totalCount).toBe(2);
  });

  it('keeps the milestones with extensions asked', () => {
    const board = buildStageBoard(input, { ...all, withExtensions: true });
    expect(board.nodes.map((row) => row.id)).toEqual(['a/m3']);
  });

  it('counts the rows a filter keeps, not every row', () => {
    const env = buildStageBoard(input, { ...all, unitId: 'env' });
    expect(env.counts).toMatchObject({ done_on_time: 1, due_soon: 1, overdue: 0, upcoming: 0 });
    expect(env.extensions).toEqual({ asked: 0, granted: 0, refused: 0, pending: 0 });
    const asked = buildStageBoard(input, { ...all, withExtensions: true });
    expect(asked.counts).toMatchObject({ upcoming: 1, due_soon: 0, overdue: 0, done_on_time: 0 });
    expect(asked.extensions).toEqual({ asked: 1, granted: 0, refused: 0, pending: 1 });
  });

  it('sorts the most overdue first, nulls last', () => {
    const board = buildStageBoard(input, { ...all, sort: { field: 'daysLeft', direction: 'asc' } });
    expect(board.nodes.map((row) => row.id)).toEqual(['a/m1', 'b/m2', 'a/m2', 'a/m3', 'b/m1']);
  });

  it('pages with cursors', () => {
    const first = buildStageBoard(input, { first: 3 });
    const second = buildStageBoard(input, { first: 3, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((row) => row.id)).toEqual(
      buildStageBoard(input, all).nodes.map((row) => row.id),
    );
    expect(second).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });
  });
});

describe('the stage board after a write', () => {
  it('orders the rows as a board built afresh does, the rows of the task changed placed again', () => {
    // Boards held in memory keep the documents a write did not touch: the same objects.
    // Enough tasks that one changed is patched in, not sorted again.
    const tasks = Array.from({ length: 16 }, (_, i) => `t${i + 1}`);
    const log = boardLog().on('2021-03-01', unit('edu'));
    for (const [i, taskId] of tasks.entries()) {
      log.on(
        '2021-03-01',
        registered(taskId),
        assigned(taskId, 'edu'),
        planned(taskId, 'm1', `2021-0${4 + (i % 5)}-15`),
        planned(taskId, 'm2', `2021-1${i % 3}-01`),
      );
    }
    const input = log.input('2021-04-01');
    const grouped = new Map(
      tasks.map((taskId) => [
        taskId,
        input.docs.milestones
          .filter((m) => m.taskId === taskId)
          .sort((a, b) => (a.id < b.id ? -1 : 1)),
      ]),
    );
    const withMilestones = (milestones: typeof grouped): BoardInput => ({
      ...input,
      docs: {
        ...input.docs,
        byTask: { milestones, blockages: new Map(), indicators: new Map() },
      },
    });
    const ids = (on: BoardInput) => buildStageBoard(on, all).nodes.map((row) => row.id);
    const before = ids(withMilestones(grouped));
    // t2's first milestone moves from 05-15 to the end of the year: its task's document is new too.
    const moved = new Map(grouped);
    moved.set(
      't2',
      (grouped.get('t2') ?? []).map((m) =>
        m.milestoneId === 'm1' ? { ...m, dueDate: '2021-12-31' } : m,
      ),
    );
    const changed = {
      ...withMilestones(moved),
      docs: {
        ...withMilestones(moved).docs,
        tasks: input.docs.tasks.map((task) => (task.id === 't2' ? { ...task } : task)),
      },
    };
    const after = ids(changed);
    // Counted task by task, the task changed counted again: as counting every row.
    const board = buildStageBoard(changed, all);
    const byState = new Map<string, number>();
    for (const row of board.nodes) byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
    expect(board.nodes).toHaveLength(32);
    for (const [state, count] of Object.entries(board.counts)) {
      expect([state, count]).toEqual([state, byState.get(state) ?? 0]);
    }
    expect(after).not.toEqual(before);
    expect(after.at(-1)).toBe('t2/m1');
    const fresh = log.input('2021-04-01');
    const expected = buildStageBoard(
      { ...fresh, docs: { ...fresh.docs, milestones: [...moved.values()].flat() } },
      all,
    ).nodes.map((row) => row.id);
    expect(after).toEqual(expected);
  });
});
