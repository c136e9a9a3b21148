import { buildBlockageBoard } from '../../services/boards/build/blockage-board.ts';
import {
  all,
  assigned,
  blocked,
  boardLog,
  escalated,
  registered,
  resolved,
  returned,
  transferred,
  unit,
} from './support/boards.ts';

const led = (taskId: string, lead: string) => [registered(taskId), assigned(taskId, lead)];

/** A waits on B, B on C, C on D. */
const chainLog = () =>
  boardLog()
    .on('2021-03-01', unit('A'), unit('B'), unit('C'), unit('D'))
    .on('2021-03-01', ...led('ta', 'A'), ...led('tb', 'B'), ...led('tc', 'C'), ...led('td', 'D'))
    .on('2021-03-02', blocked('ta', 'ba', 'B', 'A'))
    .on('2021-03-03', blocked('tb', 'bb', 'C', 'B'))
    .on('2021-03-04', blocked('tc', 'bc', 'D'));

const rowsOn = (log: ReturnType<typeof boardLog>, day: string) =>
  new Map(buildBlockageBoard(log.input(day), all).nodes.map((row) => [row.blockageId, row]));

describe('a chain of waiting', () => {
  it('follows each unit waited on to the blockage it has itself', () => {
    const rows = rowsOn(chainLog(), '2021-03-10');
    expect(rows.get('ba')).toMatchObject({
      blockedUnitId: 'A',
      waitingOnUnitId: 'B',
      chain: ['B', 'C', 'D'],
      chainClosesCycle: false,
      inCycle: false,
    });
    expect(rows.get('bc')).toMatchObject({ blockedUnitId: 'C', chain: ['D'] });
  });

  it('holds up the lead unit when the office reported the blockage', () => {
    expect(rowsOn(chainLog(), '2021-03-10').get('bc')?.blockedUnitId).toBe('C');
  });

  it('ends where a blockage is resolved', () => {
    const log = chainLog().on('2021-03-05', resolved('tb', 'bb'));
    expect(rowsOn(log, '2021-03-10').get('ba')?.chain).toEqual(['B']);
  });

  it('follows the oldest open blockage of a unit waiting on several', () => {
    const log = chainLog().on('2021-03-06', blocked('tb', 'bb2', 'A', 'B'));
    expect(rowsOn(log, '2021-03-10').get('ba')?.chain).toEqual(['B', 'C', 'D']);
  });
});

describe('a circle of waiting', () => {
  const log = chainLog().on('2021-03-05', blocked('td', 'bd', 'B', 'D'));

  it('is closed by naming the unit met again', () => {
    const rows = rowsOn(log, '2021-03-10');
    expect(rows.get('ba')).toMatchObject({
      chain: ['B', 'C', 'D', 'B'],
      chainClosesCycle: true,
      inCycle: false,
    });
    expect(rows.get('bb')).toMatchObject({ chain: ['C', 'D', 'B'], inCycle: true });
  });

  it('lists the units in it once', () => {
    expect(buildBlockageBoard(log.input('2021-03-10'), all).cycles).toEqual([['B', 'C', 'D']]);
  });

  it('filters the blockages in a cycle', () => {
    const board = buildBlockageBoard(log.input('2021-03-10'), { ...all, inCycle: true });
    expect(board.nodes.map((row) => row.blockageId).sort()).toEqual(['bb', 'bc', 'bd']);
  });

  it('includes two units waiting on each other', () => {
    const pair = chainLog().on('2021-03-05', blocked('tb', 'bb2', 'A', 'B'));
    const board = buildBlockageBoard(pair.input('2021-03-10'), all);
    expect(board.cycles).toEqual([['A', 'B']]);
  });
});

describe('an open blockage by its age', () => {
  const log = boardLog().on(
    '2021-03-01',
    unit('A'),
    unit('B'),
    ...led('t1', 'A'),
    blocked('t1', 'b1', 'B', 'A'),
  );
  const rowOn = (day: string) => buildBlockageBoard(log.input(day), all).nodes[0];

  it('has waited 2 days and is due for no escalation yet', () => {
    expect(rowOn('2021-03-03')).toMatchObject({ ageDays: 2, level: 'none', dueLevel: 'none' });
  });

  it('is due for the responsible leader after 3 days', () => {
    expect(rowOn('2021-03-04')).toMatchObject({ ageDays: 3, dueLevel: 'responsible_leader' });
  });

  it('is due for the main leader after 7 days', () => {
    expect(rowOn('2021-03-08')).toMatchObject({ ageDays: 7, dueLevel: 'main_leader' });
  });

  it('shows the level recorded by an escalation', () => {
    const up = boardLog()
      .on('2021-03-01', unit('A'), unit('B'), ...led('t1', 'A'), blocked('t1', 'b1', 'B', 'A'))
      .on('2021-03-04', escalated('t1', 'b1', 1));
    expect(buildBlockageBoard(up.input('2021-03-04'), all).nodes[0]).toMatchObject({
      level: 'responsible_leader',
      escalations: [{ day: '2021-03-04', level: 1, by: 'system' }],
    });
  });

  it('counts its age again from a reopening', () => {
    const again = boardLog()
      .on('2021-03-01', unit('A'), ...led('t1', 'A'), blocked('t1', 'b1', null, 'A'))
      .on('2021-03-02', resolved('t1', 'b1'))
      .on('2021-03-10', {
        type: 'BlockageReopened',
        data: { taskId: 't1', blockageId: 'b1', reason: 'still stuck' },
      });
    expect(buildBlockageBoard(again.input('2021-03-05'), all).totalCount).toBe(0);
    expect(buildBlockageBoard(again.input('2021-03-12'), all).nodes[0]).toMatchObject({
      reportedOn: '2021-03-01',
      openedOn: '2021-03-10',
      ageDays: 2,
      reopenedCount: 1,
      chain: [],
    });
  });
});

describe('the blockage board filtered and sorted', () => {
  const input = chainLog()
    .on('2021-03-04', escalated('ta', 'ba', 2))
    .input('2021-03-10');

  it('sorts the oldest first by default', () => {
    const board = buildBlockageBoard(input, all);
    expect(board.nodes.map((row) => [row.blockageId, row.ageDays])).toEqual([
      ['ba', 8],
      ['bb', 7],
      ['bc', 6],
    ]);
  });

  it('counts the blockages per recorded level, before the level filter', () => {
    const board = buildBlockageBoard(input, { ...all, level: 'main_leader' });
    expect(board.nodes.map((row) => row.blockageId)).toEqual(['ba']);
    expect(board.counts).toEqual({ none: 2, responsible_leader: 0, main_leader: 1 });
  });

  it('filters by the unit held up, the unit waited on and a minimum age', () => {
    expect(buildBlockageBoard(input, { ...all, unitId: 'B' }).nodes[0]?.blockageId).toBe('bb');
    expect(buildBlockageBoard(input, { ...all, waitingOnUnitId: 'D' }).totalCount).toBe(1);
    expect(buildBlockageBoard(input, { ...all, minAgeDays: 7 }).totalCount).toBe(2);
  });

  it('sorts by level, highest first', () => {
    const board = buildBlockageBoard(input, {
      ...all,
      sort: { field: 'level', direction: 'desc' },
    });
    expect(board.nodes[0]?.blockageId).toBe('ba');
  });
});

describe('a task bounced between units (ping-pong)', () => {
  const bounced = () =>
    boardLog()
      .on('2021-03-01', unit('A'), unit('B'), ...led('t1', 'A'))
      .on('2021-03-02', returned('t1', 'A'))
      .on('2021-03-03', transferred('t1', null, 'B'));

  it('is not a ping-pong after one move', () => {
    const log = boardLog()
      .on('2021-03-01', unit('A'), unit('B'), ...led('t1', 'A'))
      .on('2021-03-03', transferred('t1', 'A', 'B'));
    expect(buildBlockageBoard(log.input('2021-03-10'), all).pingPongs).toEqual([]);
  });

  it('is one after a second move; a return that held costs the unit nothing', () => {
    const [pingPong] = buildBlockageBoard(bounced().input('2021-03-10'), all).pingPongs;
    expect(pingPong).toMatchObject({ taskId: 't1', leadUnitId: 'B', unitIds: [] });
    expect(pingPong?.moves.map((move) => move.kind)).toEqual(['returned', 'transferred']);
    expect(pingPong?.bouncedBack).toBe(false);
  });

  it('bounced back when a unit gets the task again after handing it on: its return cost it', () => {
    const log = bounced()
      .on('2021-03-04', returned('t1', 'B'))
      .on('2021-03-05', transferred('t1', null, 'A'));
    const [pingPong] = buildBlockageBoard(log.input('2021-03-10'), all).pingPongs;
    // B was right to return it (the office's transfer to B was the mistake); A was not.
    expect(pingPong).toMatchObject({ unitIds: ['A'], bouncedBack: true, leadUnitId: 'A' });
  });

  it('counts a return the office accepted and handed on as the unit’s return', () => {
    const accepted = (from: string, to: string) => ({
      type: 'TaskReturnAccepted' as const,
      data: { taskId: 't1', unitId: from, toUnitId: to, reason: 'not ours' },
    });
    const log = boardLog()
      .on('2021-03-01', unit('A'), unit('B'), ...led('t1', 'A'))
      .on('2021-03-02', accepted('A', 'B'))
      .on('2021-03-04', accepted('B', 'A'));
    const [pingPong] = buildBlockageBoard(log.input('2021-03-10'), all).pingPongs;
    expect(pingPong).toMatchObject({ unitIds: ['A'], bouncedBack: true, leadUnitId: 'A' });
  });

  it('counts only the moves of the year to date', () => {
    const log = boardLog()
      .on('2020-12-01', unit('A'), unit('B'), ...led('t1', 'A'))
      .on('2020-12-30', transferred('t1', 'A', 'B'))
      .on('2021-01-05', transferred('t1', 'B', 'A'));
    expect(buildBlockageBoard(log.input('2021-03-10'), all).pingPongs).toEqual([]);
    expect(buildBlockageBoard(log.input('2020-12-31'), all).pingPongs).toEqual([]);
  });

  it('is listed for a unit that took part, not for others', () => {
    const input = bounced().on('2021-03-01', unit('C')).input('2021-03-10');
    expect(buildBlockageBoard(input, { ...all, unitId: 'B' }).pingPongs).toHaveLength(1);
    expect(buildBlockageBoard(input, { ...all, unitId: 'C' }).pingPongs).toEqual([]);
  });
});
