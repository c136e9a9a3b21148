import type { TaskEvent } from '../../contracts/events/index.ts';
import type { BoardInput } from '../../services/boards/build/input.ts';
import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import {
  buildUnitDeductions,
  buildUnitFailedTasks,
} from '../../services/boards/build/responsibility-items.ts';
import {
  accountable,
  all,
  assigned,
  blocked,
  boardLog,
  completed,
  extensionAsked,
  extensionGranted,
  extensionReviewed,
  official,
  planned,
  postAssigned,
  postVacated,
  registered,
  resolved,
  returned,
  rulesetPublished,
  transferred,
  unit,
} from './support/boards.ts';

const units = ['edu', 'env', 'fin'].map((id) => unit(id));

const unitOn = (log: ReturnType<typeof boardLog>, day: string, unitId: string) => {
  const row = buildResponsibilityBoard(log.input(day), all).nodes.find((r) => r.unitId === unitId);
  if (!row) throw new Error(`expected a row for ${unitId}`);
  return row;
};

describe('the on-time rate of a unit', () => {
  const log = boardLog()
    .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu'))
    .on('2021-01-01', planned('t1', 'm1', '2021-03-31'), planned('t1', 'm2', '2021-03-31'))
    .on('2021-01-01', planned('t1', 'm3', '2021-12-31'));

  it('is null before any milestone is completed', () => {
    expect(unitOn(log, '2021-02-01', 'edu')).toMatchObject({
      onTimeRate: null,
      milestonesCompleted: 0,
    });
  });

  it('is the share of completed milestones completed by their due date', () => {
    const done = boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu'))
      .on('2021-01-01', planned('t1', 'm1', '2021-03-31'), planned('t1', 'm2', '2021-03-31'))
      .on('2021-01-01', planned('t1', 'm3', '2021-12-31'))
      .on('2021-03-31', completed('t1', 'm1'))
      .on('2021-04-01', completed('t1', 'm2'));
    expect(unitOn(done, '2021-04-02', 'edu')).toMatchObject({
      milestonesCompleted: 2,
      milestonesOnTime: 1,
      onTimeRate: 50,
      overdueMilestones: 0,
    });
  });

  it('counts the overdue milestones of the tasks it leads', () => {
    expect(unitOn(log, '2021-04-01', 'edu').overdueMilestones).toBe(2);
  });
});

describe('the score of a unit (督查考核, year to date)', () => {
  const failing = () =>
    boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu', ['env']))
      .on('2021-01-01', planned('t1', 'm1', '2021-03-31'), planned('t1', 'm2', '2021-12-31'));

  it('is 100 with nothing failed and nothing far behind its plan', () => {
    expect(unitOn(failing(), '2021-01-10', 'edu')).toMatchObject({
      score: 100,
      deductions: [],
      failedTasks: [],
    });
  });

  it('weighs a task far behind its plan, not yet failed, on its lead unit', () => {
    // Half its weight due 03-31, nothing done on 03-31: 50 points behind, red.
    expect(unitOn(failing(), '2021-03-31', 'edu')).toMatchObject({
      score: 98,
      deductions: [{ rule: 'red_behind', points: -2, ref: 't1' }],
      failedTasks: [],
    });
  });

  it('loses 5 as lead for an overdue milestone of its own; a cooperating unit loses nothing for it', () => {
    const log = failing();
    expect(unitOn(log, '2021-04-01', 'edu')).toMatchObject({
      score: 95,
      deductions: [{ rule: 'deadline_missed', points: -5, ref: 't1/m1' }],
      failedTasks: [
        {
          taskId: 't1',
          role: 'lead',
          reasons: ['milestone "Milestone m1" overdue since 2021-04-01'],
        },
      ],
    });
    expect(unitOn(log, '2021-04-01', 'env')).toMatchObject({ score: 100, deductions: [] });
  });

  it('loses 3 as cooperating unit for an overdue milestone the office gave it; the lead loses nothing', () => {
    const log = boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu', ['env']))
      .on('2021-01-01', {
        type: 'MilestonePlanned',
        data: {
          taskId: 't1',
          milestoneId: 'm1',
          title: 'm1',
          dueDate: '2021-03-31',
          weight: 1,
          ownerUnitId: 'env',
        },
      });
    expect(unitOn(log, '2021-04-01', 'env')).toMatchObject({
      score: 97,
      deductions: [{ rule: 'deadline_missed', points: -3, ref: 't1/m1' }],
      failedTasks: [{ taskId: 't1', role: 'cooperating' }],
    });
    expect(unitOn(log, '2021-04-01', 'edu')).toMatchObject({ score: 100, failedTasks: [] });
  });

  it('loses less once the milestone is completed late: 1 for 2 working days late', () => {
    // Due Wednesday 03-31, done Monday 04-05 (Qingming, 04-03 to 04-05 off): 04-01 and 04-02.
    const log = failing().on('2021-04-05', completed('t1', 'm1'));
    expect(unitOn(log, '2021-04-05', 'edu')).toMatchObject({
      score: 99,
      deductions: [
        {
          rule: 'deadline_late',
          points: -1,
          reason: 'milestone "Milestone m1" (due 2021-03-31): done 2 working days late',
        },
      ],
      failedTasks: [
        { reasons: ['milestone "Milestone m1" completed late on 2021-04-05 (due 2021-03-31)'] },
      ],
    });
  });

  it('counts a task’s own deadline from the due date an extension granted', () => {
    // Due 06-30; the task and its milestone both given until 07-30; done 07-20.
    const extended = (taskToo: boolean) =>
      boardLog()
        .on('2021-01-01', ...units, registered('t1', { dueDate: '2021-06-30' }))
        .on('2021-01-01', assigned('t1', 'edu'), planned('t1', 'm1', '2021-06-30'))
        .on(
          '2021-06-01',
          ...(taskToo
            ? [
                extensionAsked('t1', null, 'rt', '2021-06-30', '2021-07-30'),
                extensionReviewed('t1', null, 'rt'),
                extensionGranted('t1', null, 'rt', '2021-07-30'),
              ]
            : []),
          extensionAsked('t1', 'm1', 'r1', '2021-06-30', '2021-07-30'),
          extensionReviewed('t1', 'm1', 'r1'),
          extensionGranted('t1', 'm1', 'r1', '2021-07-30'),
        )
        .on('2021-07-20', completed('t1', 'm1'));
    expect(unitOn(extended(true), '2021-07-21', 'edu')).toMatchObject({
      score: 100,
      deductions: [],
      failedTasks: [],
    });
    // The milestone's extension alone leaves the task's own due date: done late for it.
    expect(unitOn(extended(false), '2021-07-21', 'edu')).toMatchObject({
      deductions: [{ rule: 'deadline_late', ref: 't1' }],
      failedTasks: [{ reasons: ['task completed late on 2021-07-20 (due 2021-06-30)'] }],
    });
  });

  it('loses nothing for a milestone due on a holiday and done on the first working day', () => {
    // Due 2021-10-04, in the National Day holiday (10-01 to 10-07): the limit is 10-08.
    const holiday = () =>
      boardLog()
        .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu', ['env']))
        .on('2021-01-01', planned('t1', 'm1', '2021-10-04'), planned('t1', 'm2', '2021-12-31'));
    const onTime = holiday().on('2021-10-08', completed('t1', 'm1'));
    expect(unitOn(onTime, '2021-10-08', 'edu')).toMatchObject({ score: 100, failedTasks: [] });
    // On 11-01, m1 done and m2 not begun: 15.91 behind the plan, yellow; no deadline passed.
    expect(unitOn(onTime, '2021-11-01', 'edu')).toMatchObject({ score: 100, failedTasks: [] });
    // Untouched on its limit: red, which weighs, but no deadline has passed.
    expect(unitOn(holiday(), '2021-10-08', 'edu')).toMatchObject({
      deductions: [{ rule: 'red_behind' }],
      failedTasks: [],
    });
    const late = holiday().on('2021-10-09', completed('t1', 'm1'));
    expect(unitOn(late, '2021-10-09', 'edu')).toMatchObject({
      // The task, late once, is not also counted red.
      deductions: [{ rule: 'deadline_late', points: -1 }],
      failedTasks: [
        {
          reasons: [
            'milestone "Milestone m1" completed late on 2021-10-09 (due 2021-10-04, a day off: limit 2021-10-08)',
          ],
        },
      ],
    });
  });

  it('counts a failed task once however many reasons it has', () => {
    const log = failing()
      .on('2021-01-01', planned('t1', 'm3', '2021-03-31'))
      .on('2021-05-01', {
        type: 'TaskCompletionRejected',
        data: { taskId: 't1', reason: 'no evidence' },
      });
    const edu = unitOn(log, '2021-05-01', 'edu');
    expect(edu.score).toBe(95);
    expect(edu.failedTasks[0]?.reasons).toHaveLength(3);
    expect(edu.failedTasks[0]?.reasons[2]).toBe(
      'completion report returned for rework on 2021-05-01',
    );
  });

  it('counts what was due on 12-31 and not done only in the settlement of the year', () => {
    const yearEnd = () =>
      boardLog()
        .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu', ['env']))
        .on('2021-01-01', planned('t1', 'm1', '2021-12-31'));
    const input = yearEnd().input('2021-12-31');
    // The year to date on its last day: the limit has not passed by then; the
    // untouched task is red, which weighs on the day's standing only.
    const open = buildResponsibilityBoard(input, all).nodes.find((row) => row.unitId === 'edu');
    expect(open).toMatchObject({
      score: 98,
      deductions: [{ rule: 'red_behind' }],
      failedTasks: [],
    });
    const settlement = {
      period: '2021',
      from: '2021-01-01',
      to: '2021-12-31',
      closedOn: '2022-01-01',
      rulesetVersion: 0,
    };
    const settled = buildResponsibilityBoard(input, { ...all, settlement });
    expect(settled.settlement).toEqual(settlement);
    expect(settled.nodes.find((row) => row.unitId === 'edu')).toMatchObject({
      score: 95,
      failedTasks: [
        {
          reasons: [
            'milestone "Milestone m1" overdue since 2022-01-01',
            'task overdue since 2022-01-01',
          ],
        },
      ],
    });
    // The cooperating unit answers for no milestone of it.
    expect(settled.nodes.find((row) => row.unitId === 'env')?.score).toBe(100);
    // The board of the day itself is unchanged by the settlement asked of it.
    const again = buildResponsibilityBoard(input, all).nodes.find((row) => row.unitId === 'edu');
    expect(again?.score).toBe(98);
    // The unit's full lists page the settlement's items, as its row does.
    const page = { first: 50, after: null };
    const settledItems = buildUnitDeductions(input, { unitId: 'edu', ...page, settlement });
    expect(settledItems.nodes.map((item) => item.rule)).toEqual([
      'deadline_missed',
      'deadline_missed',
    ]);
    expect(
      buildUnitDeductions(input, { unitId: 'edu', ...page }).nodes.map((item) => item.rule),
    ).toEqual(['red_behind']);
    const failed = buildUnitFailedTasks(input, { unitId: 'edu', ...page, settlement });
    expect(failed.nodes.map((item) => item.taskId)).toEqual(['t1']);
    expect(buildUnitFailedTasks(input, { unitId: 'edu', ...page }).nodes).toEqual([]);
  });

  it('starts again with the new year', () => {
    expect(unitOn(failing(), '2021-12-31', 'edu').score).toBe(95);
    expect(unitOn(failing(), '2022-01-01', 'edu')).toMatchObject({ score: 100, failedTasks: [] });
  });

  it('loses points under the scoring rules in force', () => {
    const log = failing().on(
      '2021-02-01',
      rulesetPublished({
        inForceFrom: '2021-02-01',
        scoring: {
          leadUnitFailedTask: -8,
          cooperatingUnitFailedTask: -2,
          pingPongPerUnit: -1,
          accountabilityDeductionCap: null,
          bonusPerAwardMax: 5,
          bonusCapPerPeriod: 5,
        },
      }),
    );
    expect(unitOn(log, '2021-04-01', 'edu').score).toBe(92);
    expect(unitOn(log, '2021-04-01', 'env').score).toBe(100);
  });

  it('loses 1 for a task it returned in a ping-pong and had back; the office’s transfers cost no unit', () => {
    const log = boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu'))
      .on('2021-02-01', returned('t1', 'edu'))
      .on('2021-02-02', transferred('t1', null, 'env'))
      .on('2021-02-03', transferred('t1', 'env', 'fin'))
      .on('2021-02-04', returned('t1', 'fin'))
      .on('2021-02-05', transferred('t1', null, 'edu'));
    // edu's return held until the task came back to it.
    expect(unitOn(log, '2021-02-04', 'edu').score).toBe(100);
    expect(unitOn(log, '2021-02-05', 'edu')).toMatchObject({
      score: 99,
      deductions: [{ rule: 'ping_pong', points: -1, ref: 't1' }],
    });
    // The office moved it away from env: the office's decision, not env's; fin was
    // right to give back what the office wrongly sent it.
    expect(unitOn(log, '2021-02-05', 'env').score).toBe(100);
    expect(unitOn(log, '2021-02-05', 'fin').score).toBe(100);
  });

  it('moves a deadline missed while waiting on another unit to that unit, by the days it waited', () => {
    // m1 due Wednesday 03-31; on 04-09 it is 6 working days overdue (04-03 to 04-05 off).
    const waiting = () => failing().on('2021-03-01', blocked('t1', 'b1', 'fin', 'edu'));
    expect(unitOn(waiting(), '2021-04-09', 'fin')).toMatchObject({
      score: 95,
      deductions: [{ rule: 'waited_on', points: -5, ref: 't1/m1' }],
      failedTasks: [{ taskId: 't1', role: 'waited_on' }],
    });
    expect(unitOn(waiting(), '2021-04-09', 'edu').deductions).toEqual([]);
    // Resolved on 04-06: fin held it up 3 of the 6 working days (04-01, 04-02, 04-06).
    const resolvedMidway = waiting().on('2021-04-06', resolved('t1', 'b1'));
    expect(unitOn(resolvedMidway, '2021-04-09', 'fin').score).toBe(97.5);
    expect(unitOn(resolvedMidway, '2021-04-09', 'edu').score).toBe(97.5);
  });

  it('judges a deadline again when only its blockages changed, the task itself the same', () => {
    // Boards held in memory keep a task's document, and its judged facts, across
    // writes that change another part of the log: here only its blockages change.
    const input = failing()
      .on('2021-03-01', blocked('t1', 'b1', 'fin', 'edu'))
      .input('2021-04-09');
    const byTask = <T extends { id: string; taskId: string }>(parts: readonly T[]) =>
      new Map(
        [...new Set(parts.map((part) => part.taskId))].map((id) => [
          id,
          parts.filter((part) => part.taskId === id).sort((a, b) => (a.id < b.id ? -1 : 1)),
        ]),
      );
    const milestones = byTask(input.docs.milestones);
    const withBlockages = (blockages: typeof input.docs.blockages): BoardInput => ({
      ...input,
      docs: {
        ...input.docs,
        blockages,
        byTask: { milestones, blockages: byTask(blockages), indicators: new Map() },
      },
    });
    const score = (on: BoardInput, unitId: string) =>
      buildResponsibilityBoard(on, all).nodes.find((row) => row.unitId === unitId)?.score;
    const waiting = withBlockages(input.docs.blockages);
    const none = withBlockages([]);
    expect([score(waiting, 'fin'), score(waiting, 'edu')]).toEqual([95, 100]);
    expect([score(none, 'fin'), score(none, 'edu')]).toEqual([100, 95]);
    expect([score(waiting, 'fin'), score(waiting, 'edu')]).toEqual([95, 100]);
  });

  it('shifts nothing for a blockage reported after the deadline had passed', () => {
    const late = failing().on('2021-04-02', blocked('t1', 'b1', 'fin', 'edu'));
    expect(unitOn(late, '2021-04-09', 'fin').score).toBe(100);
    expect(unitOn(late, '2021-04-09', 'edu').score).toBe(95);
  });

  it('loses nothing for a recommendation (问责建议) until the discipline bodies decide', () => {
    const recommended: TaskEvent = {
      type: 'AccountabilityRecorded',
      data: {
        taskId: 't1',
        recordId: 'r1',
        against: { kind: 'unit', id: 'env' },
        kind: 'criticism',
        reason: 'recommended',
        scoreDeduction: 2,
        status: 'recommended',
      },
    };
    const log = failing().on('2021-02-01', recommended);
    expect(unitOn(log, '2021-02-01', 'env')).toMatchObject({ score: 100, deductions: [] });
    const decided = log.on('2021-02-02', accountable('t1', 'r2', { kind: 'unit', id: 'env' }, 2));
    expect(unitOn(decided, '2021-02-02', 'env').score).toBe(98);
  });

  it('loses what an accountability record against it deducts', () => {
    const log = failing().on('2021-02-01', accountable('t1', 'r1', { kind: 'unit', id: 'env' }, 2));
    expect(unitOn(log, '2021-02-01', 'env')).toMatchObject({
      score: 98,
      deductions: [{ rule: 'accountability', points: -2, ref: 'r1' }],
    });
  });
});

describe('the ranking of the units', () => {
  it('ranks the highest score first, equal scores sharing a rank', () => {
    const log = boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu', ['env']))
      .on('2021-01-01', planned('t1', 'm1', '2021-03-31'))
      .on('2021-01-01', registered('t2'), assigned('t2', 'env'), planned('t2', 'm1', '2021-03-31'))
      .on('2021-04-02', completed('t2', 'm1'));
    const board = buildResponsibilityBoard(log.input('2021-04-02'), all);
    expect(board.nodes.map((row) => [row.unitId, row.score, row.rank])).toEqual([
      ['fin', 100, 1],
      ['env', 99, 2],
      ['edu', 95, 3],
    ]);
    expect(board.period).toBe('2021');
  });

  it('ranks each category apart; the supervising and discipline bodies are scored, not ranked', () => {
    const log = boardLog()
      .on('2021-01-01', unit('edu'), unit('env'), unit('party', '党群工作部', 'party'))
      .on(
        '2021-01-01',
        unit('office', '督查室', 'supervision'),
        unit('soe', '控股集团', 'enterprise'),
      )
      .on('2021-01-01', registered('t1'), assigned('t1', 'edu'), planned('t1', 'm1', '2021-03-31'))
      .on(
        '2021-01-01',
        registered('t2'),
        assigned('t2', 'office'),
        planned('t2', 'm1', '2021-03-31'),
      )
      .on(
        '2021-01-01',
        registered('t3'),
        assigned('t3', 'party'),
        planned('t3', 'm1', '2021-03-31'),
      );
    const board = buildResponsibilityBoard(log.input('2021-04-01'), all);
    expect(board.nodes.map((row) => [row.unitId, row.category, row.score, row.rank])).toEqual([
      // Category by category, each best first; the bodies not ranked last.
      ['party', 'party', 95, 1],
      ['env', 'government', 100, 1],
      ['edu', 'government', 95, 2],
      ['soe', 'enterprise', 100, 1],
      ['office', 'supervision', 95, null],
    ]);
  });

  it('changes as the year goes', () => {
    const log = boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu'))
      .on('2021-01-01', planned('t1', 'm1', '2021-03-31'))
      .on('2021-01-01', registered('t2'), assigned('t2', 'fin'), planned('t2', 'm1', '2021-06-30'));
    const rankOf = (day: string, unitId: string) => unitOn(log, day, unitId).rank;
    // 03-31: both untouched and far behind their plans (red, 98), env first (100).
    expect([rankOf('2021-03-31', 'edu'), rankOf('2021-03-31', 'fin')]).toEqual([2, 2]);
    // 04-01: edu's milestone missed (95), fin still only red (98).
    expect([rankOf('2021-04-01', 'edu'), rankOf('2021-04-01', 'fin')]).toEqual([3, 2]);
    // 07-01: fin's missed too: 95 each.
    expect([rankOf('2021-07-01', 'edu'), rankOf('2021-07-01', 'fin')]).toEqual([2, 2]);
  });
});

describe('the officials on the responsibility board', () => {
  const log = boardLog()
    .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu'))
    .on('2021-01-01', planned('t1', 'm1', '2021-03-31'), blocked('t1', 'b1', 'env', 'edu'))
    .on('2021-01-01', official('wang'), official('li'), official('zhao'))
    .on('2021-01-01', postAssigned('wang', 'edu', 'responsible_leader', '2021-01-01'))
    .on('2021-01-01', postAssigned('zhao', 'env', 'main_leader', '2021-01-01'))
    .on('2021-05-20', postVacated('wang', 'edu', 'responsible_leader', '2021-06-01'))
    .on('2021-05-20', postAssigned('li', 'edu', 'responsible_leader', '2021-06-01'))
    .on('2021-05-21', accountable('t1', 'r1', { kind: 'official', id: 'wang' }, 1, 'warning'));
  const officialsOn = (day: string) =>
    new Map(buildResponsibilityBoard(log.input(day), all).officials.map((o) => [o.officialId, o]));

  it('answers for the tasks of the unit they were responsible leader of on the day', () => {
    expect(officialsOn('2021-05-31').get('wang')).toMatchObject({
      taskIds: ['t1'],
      posts: [
        { unitId: 'edu', unitName: 'Bureau edu', post: 'responsible_leader', from: '2021-01-01' },
      ],
      overdueMilestones: 1,
      openBlockages: 1,
      lights: { green: 0, yellow: 0, red: 1 },
    });
    expect(officialsOn('2021-06-01').get('li')?.taskIds).toEqual(['t1']);
    expect(officialsOn('2021-06-01').get('wang')?.taskIds).toEqual([]);
  });

  it('shows the records against an official, and leaves unit scores alone', () => {
    expect(officialsOn('2021-06-01').get('wang')?.accountability).toEqual([
      {
        recordId: 'r1',
        taskId: 't1',
        day: '2021-05-21',
        kind: 'warning',
        reason: 'record r1',
        scoreDeduction: 1,
        // Recorded without a status: facts from before recommendations, decisions.
        status: 'decided',
      },
    ]);
    // The overdue milestone waited on env all along: env's, not edu's.
    expect(unitOn(log, '2021-06-01', 'edu').deductions).toEqual([]);
    expect(unitOn(log, '2021-06-01', 'env').deductions.map((d) => d.rule)).toEqual(['waited_on']);
  });

  it('lists only officials with a post, a task or a record', () => {
    expect([...officialsOn('2021-05-31').keys()]).toEqual(['wang', 'zhao']);
    expect([...officialsOn('2021-06-01').keys()]).toEqual(['li', 'wang', 'zhao']);
  });

  it('names who held the unit’s responsible leader post', () => {
    expect(unitOn(log, '2021-05-31', 'edu').responsibleLeaderIds).toEqual(['wang']);
    expect(unitOn(log, '2021-06-01', 'edu').responsibleLeaderIds).toEqual(['li']);
  });

  it('filters officials by id, and by a unit they hold a post in', () => {
    const input = log.input('2021-06-01');
    const byId = buildResponsibilityBoard(input, { ...all, officialId: 'li' }).officials;
    expect(byId.map((o) => o.officialId)).toEqual(['li']);
    const byUnit = buildResponsibilityBoard(input, { ...all, unitId: 'env' });
    expect(byUnit.officials.map((o) => o.officialId)).toEqual(['zhao']);
    expect(byUnit.nodes.map((row) => row.unitId)).toEqual(['env']);
  });
});

describe('the blockages a unit answers for', () => {
  it('counts those holding it up and those waiting on it', () => {
    const log = boardLog()
      .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu'))
      .on('2021-01-02', blocked('t1', 'b1', 'env', 'edu'), blocked('t1', 'b2', 'env'));
    expect(unitOn(log, '2021-01-03', 'edu')).toMatchObject({
      openBlockages: 2,
      waitedOnBlockages: 0,
    });
    expect(unitOn(log, '2021-01-03', 'env')).toMatchObject({
      openBlockages: 0,
      waitedOnBlockages: 2,
    });
  });
});

describe('the responsibility board sorted and paged', () => {
  const input = boardLog()
    .on('2021-01-01', ...units, registered('t1'), assigned('t1', 'edu', ['env']))
    .on('2021-01-01', planned('t1', 'm1', '2021-03-31'), registered('t2'), assigned('t2', 'fin'))
    .on('2021-01-01', planned('t2', 'm1', '2021-12-31'))
    .input('2021-04-01');

  it('sorts by a count, ties by unit id', () => {
    const board = buildResponsibilityBoard(input, {
      ...all,
      sort: { field: 'red', direction: 'desc' },
    });
    expect(board.nodes.map((row) => [row.unitId, row.lights.red])).toEqual([
      ['edu', 1],
      ['env', 0],
      ['fin', 0],
    ]);
  });

  it('pages with cursors', () => {
    const first = buildResponsibilityBoard(input, { first: 2 });
    const second = buildResponsibilityBoard(input, { first: 2, after: first.pageInfo.endCursor });
    // env and fin share rank 1 (100), in unit id order; edu is last (95).
    expect(first.nodes.map((row) => row.unitId)).toEqual(['env', 'fin']);
    expect(second.nodes.map((row) => row.unitId)).toEqual(['edu']);
    expect(second).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
  });

  it('shows the tasks a unit co-owns with their lights', () => {
    const env = buildResponsibilityBoard(input, { ...all, unitId: 'env' }).nodes[0];
    expect(env).toMatchObject({ tasksLed: 0, tasksCoOwned: 1, coOwnedLights: { red: 1 } });
  });
});
