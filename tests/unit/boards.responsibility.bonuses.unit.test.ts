import type { TaskEvent } from '../../contracts/events/index.ts';
import type { BonusKind } from '../../contracts/events/task-events.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { buildOverview } from '../../services/boards/build/overview.ts';
import { buildResponsibilityBoard } from '../../services/boards/build/responsibility-board.ts';
import { buildUnitDeductions } from '../../services/boards/build/responsibility-items.ts';
import { all, boardLog, rulesetPublished, task, unit } from './support/boards.ts';

const units = [unit('edu'), unit('env'), unit('fin'), unit('party', '党群部', 'party')];

/** 加分 for `unitId` on `taskId`, awarded on `awardedOn`. */
const bonus = (
  taskId: string,
  bonusId: string,
  unitId: string,
  points: number,
  awardedOn: string,
  kind: BonusKind = 'commendation',
): TaskEvent => ({
  type: 'BonusAwarded',
  data: {
    taskId,
    bonusId,
    unitId,
    kind,
    points,
    reason: '区长肯定性批示',
    awardedBy: 'leader-1',
    awardedOn,
  },
});

type Log = ReturnType<typeof boardLog>;

const rowsOn = (log: Log, day: string) => buildResponsibilityBoard(log.input(day), all).nodes;

const rowOf = (log: Log, day: string, unitId: string) => {
  const row = rowsOn(log, day).find((r) => r.unitId === unitId);
  if (!row) throw new Error(`expected a row for ${unitId}`);
  return row;
};

/** Government bureaus leading tasks of December, on plan (nothing expected) until then. */
const year = () =>
  boardLog().on(
    '2021-01-01',
    ...units,
    ...task('t1', 'edu', { cooperating: ['fin'], plannedStart: '2021-12-01' }),
    ...task('t2', 'env', { plannedStart: '2021-12-01' }),
  );

describe('bonus points (加分) on the responsibility board', () => {
  const log = year().on('2021-03-01', bonus('t1', 'b1', 'fin', 2, '2021-03-01'));

  it('raise the unit’s score and its rank among the units of its category', () => {
    expect(rowsOn(log, '2021-02-28').map((row) => [row.unitId, row.score, row.rank])).toEqual([
      ['party', 100, 1],
      ['edu', 100, 1],
      ['env', 100, 1],
      ['fin', 100, 1],
    ]);
    expect(rowsOn(log, '2021-03-01').map((row) => [row.unitId, row.score, row.rank])).toEqual([
      ['party', 100, 1],
      ['fin', 102, 1],
      ['edu', 100, 2],
      ['env', 100, 2],
    ]);
  });

  it('list the award as a score item pointing at it, and say what the bonuses add', () => {
    expect(rowOf(log, '2021-03-01', 'fin')).toMatchObject({
      score: 102,
      bonusPoints: 2,
      deductionCount: 1,
      deductions: [
        {
          unitId: 'fin',
          rule: 'bonus',
          points: 2,
          ref: 't1/b1',
          bonusKind: 'commendation',
        },
      ],
    });
  });

  it('move the overview’s ranking too', () => {
    const ranking = buildOverview(log.input('2021-03-01'), [], { top: 5 }).ranking;
    expect(ranking.filter((row) => row.category === 'government').slice(0, 2)).toMatchObject([
      { unitId: 'fin', rank: 1, score: 102 },
      { unitId: 'edu', rank: 2, score: 100 },
    ]);
  });

  it('hold at the cap per period, the excess shown taken back', () => {
    const many = year()
      .on('2021-03-01', bonus('t1', 'b1', 'edu', 4, '2021-03-01'))
      .on('2021-05-01', bonus('t1', 'b2', 'edu', 3, '2021-05-01', 'early_completion'));
    const edu = rowOf(many, '2021-05-01', 'edu');
    expect(edu).toMatchObject({ score: 105, bonusPoints: 5 });
    expect(edu.deductions.map((item) => [item.rule, item.ref, item.points])).toEqual([
      ['bonus', 't1/b1', 4],
      ['bonus', 't1/b2', 3],
      ['bonus_capped', 't1/b2', -2],
    ]);
    const page = buildUnitDeductions(many.input('2021-05-01'), { unitId: 'edu', first: 10 });
    expect(page.nodes.map((item) => item.rule)).toEqual(['bonus', 'bonus', 'bonus_capped']);
  });

  it('hold at the cap of the ruleset in force on the board’s day', () => {
    const raised = year()
      .on('2021-03-01', bonus('t1', 'b1', 'edu', 5, '2021-03-01'))
      .on('2021-03-02', bonus('t1', 'b2', 'edu', 5, '2021-03-02'))
      .on(
        '2021-06-01',
        rulesetPublished({
          inForceFrom: '2021-07-01',
          scoring: { ...defaultRuleset.scoring, bonusCapPerPeriod: 8 },
        }),
      );
    expect(rowOf(raised, '2021-06-30', 'edu').score).toBe(105);
    expect(rowOf(raised, '2021-07-01', 'edu').score).toBe(108);
  });

  it('count from the day they were awarded, as known then', () => {
    expect(rowOf(log, '2021-02-28', 'fin')).toMatchObject({ score: 100, deductionCount: 0 });
  });

  it('still count when the task is terminated since', () => {
    const ended = year()
      .on('2021-03-01', bonus('t1', 'b1', 'fin', 2, '2021-03-01'))
      .on('2021-04-01', { type: 'TaskTerminated', data: { taskId: 't1', reason: '计划调整' } });
    expect(rowOf(ended, '2021-04-02', 'fin').score).toBe(102);
  });
});

describe('bonus points in a settled year (年度结算)', () => {
  const settlement = {
    period: '2021',
    from: '2021-01-01',
    to: '2021-12-31',
    closedOn: '2022-01-04',
    rulesetVersion: 0,
  };
  const log = year()
    .on('2021-01-01', ...task('t3', 'edu', { dueDate: '2022-12-31' }))
    .on('2021-12-30', bonus('t3', 'b1', 'edu', 3, '2021-12-30'))
    .on('2022-01-04', bonus('t3', 'b2', 'edu', 2, '2022-01-04'));

  it('count the awards of the year only, asked after the next year began', () => {
    const settled = buildResponsibilityBoard(log.input('2022-01-05'), { ...all, settlement });
    const edu = settled.nodes.find((row) => row.unitId === 'edu');
    expect(edu?.deductions.filter((item) => item.rule === 'bonus').map((item) => item.ref)).toEqual(
      ['t3/b1'],
    );
    expect(edu?.bonusPoints).toBe(3);
  });

  it('leave the next year to start with its own awards', () => {
    const edu = rowOf(log, '2022-01-05', 'edu');
    expect(edu).toMatchObject({ bonusPoints: 2 });
    expect(edu.deductions.filter((item) => item.rule === 'bonus').map((item) => item.ref)).toEqual([
      't3/b2',
    ]);
  });
});
