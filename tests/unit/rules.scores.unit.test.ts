import type { Ruleset } from '../../contracts/events/index.ts';
import {
  type Bonus,
  type MissedDeadline,
  rank,
  type ScoringFacts,
  unitScores,
} from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

const noFacts: ScoringFacts = {
  period: '2021',
  unitIds: [],
  missedDeadlines: [],
  redTasks: [],
  returnedForRework: [],
  pingPongs: [],
  accountability: [],
  bonuses: [],
};

const scoresOf = (
  facts: Partial<ScoringFacts>,
  ruleset: Pick<Ruleset, 'scoring'> = defaultRuleset,
) => unitScores({ ...noFacts, ...facts }, ruleset);

const scoreMap = (facts: Partial<ScoringFacts>, ruleset?: Pick<Ruleset, 'scoring'>) =>
  Object.fromEntries(scoresOf(facts, ruleset).map((score) => [score.unitId, score.score]));

const capped = (cap: number | null) => ({
  scoring: { ...defaultRuleset.scoring, accountabilityDeductionCap: cap },
});

/** Milestone m1 of task t1, edu's as lead unit, not done and 5 working days overdue. */
const missed = (overrides: Partial<MissedDeadline> = {}): MissedDeadline => ({
  taskId: 't1',
  milestoneId: 'm1',
  unitId: 'edu',
  role: 'lead',
  done: false,
  workingDaysLate: 5,
  waits: [],
  what: 'milestone "m1" (due 2021-06-30)',
  ...overrides,
});

describe('a period without deductions', () => {
  it('scores every listed unit 100, by unit id', () => {
    expect(scoresOf({ unitIds: ['env', 'edu'] })).toEqual([
      { unitId: 'edu', period: '2021', score: 100, items: [], bonusPoints: 0 },
      { unitId: 'env', period: '2021', score: 100, items: [], bonusPoints: 0 },
    ]);
  });
});

describe('a deadline not done', () => {
  it('costs the lead unit that answers for it 5, itemised with the milestone', () => {
    const [edu] = scoresOf({ unitIds: ['edu'], missedDeadlines: [missed()] });
    expect(edu).toEqual({
      unitId: 'edu',
      period: '2021',
      score: 95,
      items: [
        {
          unitId: 'edu',
          rule: 'deadline_missed',
          points: -5,
          ref: 't1/m1',
          reason: 'milestone "m1" (due 2021-06-30): not done, 5 working days overdue',
        },
      ],
      bonusPoints: 0,
    });
  });

  it('costs a cooperating unit 3 for its own milestone, and the lead unit nothing', () => {
    const own = missed({ unitId: 'env', role: 'cooperating' });
    expect(scoreMap({ unitIds: ['edu'], missedDeadlines: [own] })).toEqual({ edu: 100, env: 97 });
  });

  it('costs what the ruleset says', () => {
    const harsh = {
      scoring: {
        ...defaultRuleset.scoring,
        leadUnitFailedTask: -10,
        cooperatingUnitFailedTask: -4,
      },
    };
    const both = [missed(), missed({ taskId: 't2', unitId: 'env', role: 'cooperating' })];
    expect(scoreMap({ missedDeadlines: both }, harsh)).toEqual({ edu: 90, env: 96 });
  });

  it('costs what the ruleset of each scoring says, the same deadlines scored again under another', () => {
    // The boards score the same deadline objects after every write: what was
    // taken under one ruleset must not carry over to another.
    const both = [missed(), missed({ taskId: 't2', unitId: 'env', role: 'cooperating' })];
    const harsh = { scoring: { ...defaultRuleset.scoring, leadUnitFailedTask: -10 } };
    expect(scoreMap({ missedDeadlines: both })).toEqual({ edu: 95, env: 97 });
    expect(scoreMap({ missedDeadlines: both }, harsh)).toEqual({ edu: 90, env: 97 });
    expect(scoreMap({ missedDeadlines: both })).toEqual({ edu: 95, env: 97 });
  });
});

describe('a deadline done late', () => {
  it.each([
    [1, -1],
    [3, -1],
    [4, -2],
    [10, -2],
    [11, -3],
    [20, -3],
    [21, -4],
    [200, -4],
  ])(
    'costs the lead unit less the sooner it was done: %i working days late, %p',
    (days, points) => {
      const late = missed({ done: true, workingDaysLate: days });
      const [edu] = scoresOf({ missedDeadlines: [late] });
      expect(edu?.items).toEqual([
        expect.objectContaining({ rule: 'deadline_late', points, ref: 't1/m1' }),
      ]);
    },
  );

  it('always costs less than a deadline never met', () => {
    const late = scoreMap({ missedDeadlines: [missed({ done: true, workingDaysLate: 400 })] });
    const never = scoreMap({ missedDeadlines: [missed({ workingDaysLate: 400 })] });
    expect(late.edu).toBeGreaterThan(never.edu ?? 0);
  });
});

describe('a deadline missed while waiting on another unit', () => {
  it('moves the share of the delay the wait covered to the unit waited on', () => {
    const waited = missed({ waits: [{ unitId: 'planning', workingDays: 4 }] });
    const [edu, planning] = scoresOf({ missedDeadlines: [waited] });
    expect(edu?.items).toEqual([
      {
        unitId: 'edu',
        rule: 'deadline_missed',
        points: -1,
        ref: 't1/m1',
        reason:
          'milestone "m1" (due 2021-06-30): not done, 5 working days overdue (1 point of 5 points)',
      },
    ]);
    expect(planning?.items).toEqual([
      {
        unitId: 'planning',
        rule: 'waited_on',
        points: -4,
        ref: 't1/m1',
        reason:
          'milestone "m1" (due 2021-06-30): not done, 5 working days overdue, waiting on this unit for 4 working days of it',
      },
    ]);
  });

  it('moves it all when the wait covered the whole delay', () => {
    const waited = missed({ waits: [{ unitId: 'planning', workingDays: 9 }] });
    expect(scoreMap({ unitIds: ['edu'], missedDeadlines: [waited] })).toEqual({
      edu: 100,
      planning: 95,
    });
  });

  it('splits it between several units waited on, never more than the deadline costs', () => {
    const waits = [
      { unitId: 'planning', workingDays: 6 },
      { unitId: 'finance', workingDays: 4 },
    ];
    expect(scoreMap({ unitIds: ['edu'], missedDeadlines: [missed({ waits })] })).toEqual({
      edu: 100,
      finance: 98,
      planning: 97,
    });
  });
});

describe('one task', () => {
  it('costs a unit at most what missing it outright costs its lead unit', () => {
    const items = ['m1', 'm2', 'm3'].map((milestoneId) => missed({ milestoneId }));
    const [edu] = scoresOf({ missedDeadlines: items });
    expect(edu?.score).toBe(95);
    expect(edu?.items.map((item) => item.points)).toEqual([-5, 0, 0]);
    expect(edu?.items[1]?.reason).toMatch(/\(task capped at -5 points\)$/);
  });

  it('costs again for another task', () => {
    const items = [missed(), missed({ taskId: 't2' })];
    expect(scoreMap({ missedDeadlines: items })).toEqual({ edu: 90 });
  });
});

describe('a red task not yet due', () => {
  it('weighs 2 on its lead unit: below a unit with no red task', () => {
    const red = { taskId: 't1', leadUnitId: 'health', behind: 36.9 };
    const [economy, health] = scoresOf({ unitIds: ['economy'], redTasks: [red] });
    expect(health).toMatchObject({
      score: 98,
      items: [
        {
          rule: 'red_behind',
          points: -2,
          ref: 't1',
          reason: 'red, not yet due: 36.9 points behind expected progress',
        },
      ],
    });
    expect(rank([economy!, health!]).map((row) => row.unitId)).toEqual(['economy', 'health']);
  });
});

describe('a completion report returned for rework', () => {
  it('costs the lead unit 2', () => {
    const returned = { taskId: 't1', leadUnitId: 'edu', day: '2021-05-01' };
    expect(scoresOf({ returnedForRework: [returned] })[0]?.items).toEqual([
      {
        unitId: 'edu',
        rule: 'returned_for_rework',
        points: -2,
        ref: 't1',
        reason: 'completion report returned for rework on 2021-05-01',
      },
    ]);
  });
});

describe('a transfer/return ping-pong', () => {
  it('costs each unit in it 1 point once', () => {
    const pingPong = { taskId: 't1', unitIds: ['edu', 'env', 'edu', 'env'] };
    const scores = scoresOf({ pingPongs: [pingPong] });
    expect(scores.map((score) => [score.unitId, score.score])).toEqual([
      ['edu', 99],
      ['env', 99],
    ]);
    expect(scores[0]?.items).toEqual([
      {
        unitId: 'edu',
        rule: 'ping_pong',
        points: -1,
        ref: 't1',
        reason: 'returned task t1 in a transfer/return ping-pong',
      },
    ]);
  });

  it('costs again for another task', () => {
    const pingPongs = [
      { taskId: 't1', unitIds: ['edu', 'env'] },
      { taskId: 't2', unitIds: ['edu', 'fin'] },
    ];
    expect(scoreMap({ pingPongs })).toEqual({ edu: 98, env: 99, fin: 99 });
  });
});

describe('accountability deductions', () => {
  const record = (recordId: string, points: number, unitId = 'edu') => ({
    recordId,
    unitId,
    points,
    reason: '通报批评',
  });

  it('are taken in full without a cap', () => {
    const scores = scoresOf({ accountability: [record('a1', -6), record('a2', -6)] });
    expect(scores[0]?.score).toBe(88);
    expect(scores[0]?.items.map((item) => item.reason)).toEqual([
      'accountability a1: 通报批评',
      'accountability a2: 通报批评',
    ]);
  });

  it('stop at the cap, each record still listed with what it took', () => {
    const records = [record('a1', -6), record('a2', -6), record('a3', -2), record('b1', -2, 'env')];
    const [edu, env] = scoresOf({ accountability: records }, capped(-10));
    expect(edu?.score).toBe(90);
    expect(edu?.items.map((item) => [item.ref, item.points])).toEqual([
      ['a1', -6],
      ['a2', -4],
      ['a3', 0],
    ]);
    expect(edu?.items[1]?.reason).toBe(
      'accountability a2: 通报批评 (capped at -10 points per period)',
    );
    expect(env?.score).toBe(98);
  });

  it('reach the cap exactly without being marked capped', () => {
    const [edu] = scoresOf({ accountability: [record('a1', -4), record('a2', -6)] }, capped(-10));
    expect(edu?.score).toBe(90);
    expect(edu?.items.map((item) => item.reason)).toEqual([
      'accountability a1: 通报批评',
      'accountability a2: 通报批评',
    ]);
  });

  it('do not count missed deadlines against the cap', () => {
    const facts = { missedDeadlines: [missed()], accountability: [record('a1', -12)] };
    expect(scoreMap(facts, capped(-10))).toEqual({ edu: 85 });
  });

  it('are rounded to 2 decimals', () => {
    expect(scoreMap({ accountability: [record('a1', -0.1), record('a2', -0.2)] })).toEqual({
      edu: 99.7,
    });
  });

  it.each([1, Number.NaN])('refuse points %p, naming the record', (points) => {
    expect(() => scoresOf({ accountability: [record('a1', -1), record('a2', points)] })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ field: 'accountability[1].points' }),
      }),
    );
  });
});

describe('a score', () => {
  it('may fall below 0', () => {
    const missedDeadlines = Array.from({ length: 21 }, (_, index) =>
      missed({ taskId: `t${index}` }),
    );
    expect(scoreMap({ missedDeadlines })).toEqual({ edu: -5 });
  });
});

describe('ranking units (督查考核排名)', () => {
  it('puts the highest score first', () => {
    const ranked = rank([
      { unitId: 'a', score: 90 },
      { unitId: 'b', score: 100 },
      { unitId: 'c', score: 95 },
    ]);
    expect(ranked.map((entry) => [entry.unitId, entry.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('gives equal scores one rank and skips the next (1, 2, 2, 4), by unit id within', () => {
    const ranked = rank([
      { unitId: 'env', score: 97 },
      { unitId: 'fin', score: 95 },
      { unitId: 'agr', score: 97 },
      { unitId: 'edu', score: 100 },
    ]);
    expect(ranked.map((entry) => [entry.unitId, entry.rank])).toEqual([
      ['edu', 1],
      ['agr', 2],
      ['env', 2],
      ['fin', 4],
    ]);
  });

  it('ranks a tie at the top as 1, 1, 3', () => {
    const ranked = rank([
      { unitId: 'b', score: 100 },
      { unitId: 'a', score: 100 },
      { unitId: 'c', score: 99 },
    ]);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 1, 3]);
  });

  it('keeps everything else of a score, and leaves the input as it was', () => {
    const scores = scoresOf({ unitIds: ['b', 'a'] });
    const ranked = rank(scores);
    expect(ranked[0]).toEqual({ ...scores[0], rank: 1 });
    expect(scores.map((score) => score.unitId)).toEqual(['a', 'b']);
    expect(rank([])).toEqual([]);
  });
});

/** Bonus `bonusId` of `points` for `unitId` on task t1. */
const bonus = (
  bonusId: string,
  unitId: string,
  points: number,
  kind: Bonus['kind'] = 'commendation',
): Bonus => ({
  bonusId,
  taskId: 't1',
  unitId,
  kind,
  points,
  reason: '市领导肯定性批示',
});

const bounded = (perAward: number, cap: number) => ({
  scoring: { ...defaultRuleset.scoring, bonusPerAwardMax: perAward, bonusCapPerPeriod: cap },
});

describe('bonus points (加分)', () => {
  it('add to the score, itemised with the task and the award', () => {
    const [edu] = scoresOf({ bonuses: [bonus('b1', 'edu', 2)] });
    expect(edu).toEqual({
      unitId: 'edu',
      period: '2021',
      score: 102,
      items: [
        {
          unitId: 'edu',
          rule: 'bonus',
          points: 2,
          ref: 't1/b1',
          reason: '市领导肯定性批示',
          bonusKind: 'commendation',
        },
      ],
      bonusPoints: 2,
    });
  });

  it('come after the deductions: 100 − deductions + bonuses', () => {
    const [edu] = scoresOf({
      missedDeadlines: [missed()],
      bonuses: [bonus('b1', 'edu', 3, 'early_completion')],
    });
    expect(edu?.score).toBe(98);
    expect(edu?.items.map((item) => [item.rule, item.points])).toEqual([
      ['deadline_missed', -5],
      ['bonus', 3],
    ]);
  });

  it('raise a unit above one with fewer', () => {
    const scores = scoresOf({ unitIds: ['env'], bonuses: [bonus('b1', 'edu', 1)] });
    expect(rank(scores).map((row) => [row.unitId, row.rank])).toEqual([
      ['edu', 1],
      ['env', 2],
    ]);
  });

  it('count at most the cap per period: what is above is taken back, item by item', () => {
    const [edu] = scoresOf({
      bonuses: [bonus('b1', 'edu', 3), bonus('b2', 'edu', 4), bonus('b3', 'edu', 1)],
    });
    // The default cap is 5: b1 counts 3, b2 2 of its 4, b3 nothing.
    expect(edu?.score).toBe(105);
    expect(edu?.bonusPoints).toBe(5);
    expect(edu?.items.map((item) => [item.rule, item.ref, item.points])).toEqual([
      ['bonus', 't1/b1', 3],
      ['bonus', 't1/b2', 4],
      ['bonus_capped', 't1/b2', -2],
      ['bonus', 't1/b3', 1],
      ['bonus_capped', 't1/b3', -1],
    ]);
    expect(edu?.items[2]?.reason).toBe(
      'bonus b2: 2 points over the cap of 5 points per period, not counted',
    );
  });

  it('are capped per unit: another unit keeps its own cap', () => {
    const scores = scoreMap({
      bonuses: [bonus('b1', 'edu', 5), bonus('b2', 'env', 5), bonus('b3', 'edu', 5)],
    });
    expect(scores).toEqual({ edu: 105, env: 105 });
  });

  it('follow the ruleset: a cap of 0 turns them off, a higher cap counts more', () => {
    const awards = { bonuses: [bonus('b1', 'edu', 4), bonus('b2', 'edu', 4)] };
    expect(scoreMap(awards, bounded(5, 0))).toEqual({ edu: 100 });
    expect(scoreMap(awards, bounded(5, 10))).toEqual({ edu: 108 });
  });

  it('refuse points that are not more than 0, naming the bonus', () => {
    expect(() => scoresOf({ bonuses: [bonus('b1', 'edu', 1), bonus('b2', 'edu', 0)] })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { field: 'bonuses[1].points', rule: 'must be a number > 0' },
      }),
    );
  });
});
