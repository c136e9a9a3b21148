import type { Ruleset } from '../../contracts/events/index.ts';
import { rank, type ScoringFacts, unitScores } from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

const noFacts: ScoringFacts = {
  period: '2021-Q2',
  unitIds: [],
  failedTasks: [],
  pingPongs: [],
  accountability: [],
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

describe('a period without deductions', () => {
  it('scores every listed unit 100, by unit id', () => {
    expect(scoresOf({ unitIds: ['env', 'edu'] })).toEqual([
      { unitId: 'edu', period: '2021-Q2', score: 100, deductions: [] },
      { unitId: 'env', period: '2021-Q2', score: 100, deductions: [] },
    ]);
  });
});

describe('a failed task', () => {
  const failed = { taskId: 't1', leadUnitId: 'edu', cooperatingUnitIds: ['env', 'fin'] };

  it('costs the lead unit 5 and each cooperating unit 3, itemised', () => {
    const [edu, env] = scoresOf({ unitIds: ['edu', 'env'], failedTasks: [failed] });
    expect(edu).toEqual({
      unitId: 'edu',
      period: '2021-Q2',
      score: 95,
      deductions: [
        {
          unitId: 'edu',
          rule: 'lead_unit_failed_task',
          points: -5,
          ref: 't1',
          reason: 'lead unit of failed task t1',
        },
      ],
    });
    expect(env?.score).toBe(97);
    expect(env?.deductions[0]).toMatchObject({ rule: 'cooperating_unit_failed_task', ref: 't1' });
  });

  it('scores a unit named only in the facts', () => {
    expect(scoreMap({ unitIds: ['edu'], failedTasks: [failed] })).toEqual({
      edu: 95,
      env: 97,
      fin: 97,
    });
  });

  it('adds up over several tasks', () => {
    const second = { taskId: 't2', leadUnitId: 'env', cooperatingUnitIds: ['edu'] };
    expect(scoreMap({ failedTasks: [failed, second] })).toEqual({ edu: 92, env: 92, fin: 97 });
  });

  it('costs a lead unit also listed as cooperating only as the lead', () => {
    const odd = { taskId: 't3', leadUnitId: 'edu', cooperatingUnitIds: ['edu', 'env', 'env'] };
    expect(scoreMap({ failedTasks: [odd] })).toEqual({ edu: 95, env: 97 });
  });

  it('costs what the ruleset says', () => {
    const harsh = {
      scoring: {
        ...defaultRuleset.scoring,
        leadUnitFailedTask: -10,
        cooperatingUnitFailedTask: -4,
      },
    };
    expect(scoreMap({ failedTasks: [failed] }, harsh)).toEqual({ edu: 90, env: 96, fin: 96 });
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
    expect(scores[0]?.deductions).toEqual([
      {
        unitId: 'edu',
        rule: 'ping_pong',
        points: -1,
        ref: 't1',
        reason: 'transfer/return ping-pong of task t1',
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
    expect(scores[0]?.deductions.map((item) => item.reason)).toEqual([
      'accountability a1: 通报批评',
      'accountability a2: 通报批评',
    ]);
  });

  it('stop at the cap, each record still listed with what it took', () => {
    const records = [record('a1', -6), record('a2', -6), record('a3', -2), record('b1', -2, 'env')];
    const [edu, env] = scoresOf({ accountability: records }, capped(-10));
    expect(edu?.score).toBe(90);
    expect(edu?.deductions.map((item) => [item.ref, item.points])).toEqual([
      ['a1', -6],
      ['a2', -4],
      ['a3', 0],
    ]);
    expect(edu?.deductions[1]?.reason).toBe(
      'accountability a2: 通报批评 (capped at -10 points per period)',
    );
    expect(env?.score).toBe(98);
  });

  it('reach the cap exactly without being marked capped', () => {
    const [edu] = scoresOf({ accountability: [record('a1', -4), record('a2', -6)] }, capped(-10));
    expect(edu?.score).toBe(90);
    expect(edu?.deductions.map((item) => item.reason)).toEqual([
      'accountability a1: 通报批评',
      'accountability a2: 通报批评',
    ]);
  });

  it('do not count failed tasks against the cap', () => {
    const failed = { taskId: 't1', leadUnitId: 'edu', cooperatingUnitIds: [] };
    const facts = { failedTasks: [failed], accountability: [record('a1', -12)] };
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
    const failedTasks = Array.from({ length: 21 }, (_, index) => ({
      taskId: `t${index}`,
      leadUnitId: 'edu',
      cooperatingUnitIds: [],
    }));
    expect(scoreMap({ failedTasks })).toEqual({ edu: -5 });
  });
});

describe('ranking units (亮赛比)', () => {
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
