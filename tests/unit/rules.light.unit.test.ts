import type { Ruleset } from '../../contracts/events/index.ts';
import { type LightFacts, light } from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

/** Far from the due date, so only the points behind decide. */
const onTrack: LightFacts = {
  actual: 50,
  expected: 50,
  dueDate: '2021-12-31',
  day: '2021-06-30',
  done: false,
};

const lightOf = (facts: Partial<LightFacts>, ruleset: Pick<Ruleset, 'lights'> = defaultRuleset) =>
  light({ ...onTrack, ...facts }, ruleset);

describe('a task behind its expected progress, far from its due date', () => {
  it.each([
    [0, 'green', []],
    [9.9, 'green', []],
    [10, 'green', []],
    [10.01, 'yellow', ['behind 10.01 points']],
    [10.1, 'yellow', ['behind 10.1 points']],
    [12.5, 'yellow', ['behind 12.5 points']],
    [29.9, 'yellow', ['behind 29.9 points']],
    [30, 'yellow', ['behind 30 points']],
    [30.01, 'red', ['behind 30.01 points']],
    [30.1, 'red', ['behind 30.1 points']],
    [50, 'red', ['behind 50 points']],
  ])('%p points behind is %s', (behind, colour, reasons) => {
    expect(lightOf({ expected: 40 + behind, actual: 40 })).toEqual({ light: colour, reasons });
  });

  it('is compared as shown, so 39.9 − 30 counts as 9.9 and 40.1 − 30 as 10.1', () => {
    expect(lightOf({ expected: 39.9, actual: 30 }).light).toBe('green');
    expect(lightOf({ expected: 40.1, actual: 30 }).light).toBe('yellow');
    expect(lightOf({ expected: 60.1, actual: 30 }).light).toBe('red');
  });

  it('is green when ahead', () => {
    expect(lightOf({ expected: 20, actual: 80 })).toEqual({ light: 'green', reasons: [] });
  });

  it('says "1 point" for one point', () => {
    const strict = { lights: { ...defaultRuleset.lights, yellowBehindPoints: 0 } };
    expect(lightOf({ expected: 41, actual: 40 }, strict).reasons).toEqual(['behind 1 point']);
  });
});

describe('a task on track as its due date nears', () => {
  const due = (day: string) => lightOf({ dueDate: '2021-04-10', day });

  it.each([
    ['2021-04-05', 'green', [], 'due in 5 days'],
    ['2021-04-06', 'green', [], 'due in 4 days'],
    ['2021-04-07', 'yellow', ['due in 3 days'], 'due in 3 days'],
    ['2021-04-08', 'yellow', ['due in 2 days'], 'due in 2 days'],
    ['2021-04-09', 'yellow', ['due in 1 day'], 'due in 1 day'],
    ['2021-04-10', 'yellow', ['due today'], 'the day of the deadline'],
    ['2021-04-11', 'red', ['overdue since 2021-04-11'], 'the day after'],
    ['2021-05-01', 'red', ['overdue since 2021-04-11'], 'weeks after'],
  ])('on %s is %s (%j): %s', (day, colour, reasons) => {
    expect(due(day)).toEqual({ light: colour, reasons });
  });

  it('counts days across a month end', () => {
    expect(lightOf({ dueDate: '2021-03-02', day: '2021-02-27' }).reasons).toEqual([
      'due in 3 days',
    ]);
    expect(lightOf({ dueDate: '2021-03-01', day: '2021-02-28' }).reasons).toEqual(['due in 1 day']);
    expect(lightOf({ dueDate: '2021-03-31', day: '2021-04-01' }).reasons).toEqual([
      'overdue since 2021-04-01',
    ]);
  });
});

describe('a light with more than one finding', () => {
  it('gives every reason for red, and only those', () => {
    expect(
      lightOf({ dueDate: '2021-03-31', day: '2021-04-02', expected: 100, actual: 40 }),
    ).toEqual({ light: 'red', reasons: ['overdue since 2021-04-01', 'behind 60 points'] });
    expect(lightOf({ dueDate: '2021-04-02', day: '2021-04-01', expected: 90, actual: 40 })).toEqual(
      { light: 'red', reasons: ['behind 50 points'] },
    );
  });

  it('gives every reason for yellow', () => {
    expect(lightOf({ dueDate: '2021-04-03', day: '2021-04-01', expected: 95, actual: 80 })).toEqual(
      { light: 'yellow', reasons: ['behind 15 points', 'due in 2 days'] },
    );
  });
});

describe('a done task', () => {
  it('is green however far behind or late', () => {
    expect(
      lightOf({ done: true, dueDate: '2021-03-31', day: '2021-06-30', expected: 100, actual: 0 }),
    ).toEqual({ light: 'green', reasons: [] });
  });

  it('is green on its deadline', () => {
    expect(lightOf({ done: true, dueDate: '2021-06-30' })).toEqual({ light: 'green', reasons: [] });
  });
});

describe('a light under another ruleset', () => {
  const strict = {
    lights: { yellowBehindPoints: 5, redBehindPoints: 15, yellowDueWithinDays: 7 },
  };

  it('uses its thresholds', () => {
    expect(lightOf({ expected: 46, actual: 40 }, strict).light).toBe('yellow');
    expect(lightOf({ expected: 56, actual: 40 }, strict).light).toBe('red');
    expect(lightOf({ dueDate: '2021-07-07' }, strict).light).toBe('yellow');
    expect(lightOf({ dueDate: '2021-07-08' }, strict).light).toBe('green');
  });

  it('with no due-soon window is yellow only for being behind', () => {
    const none = { lights: { ...strict.lights, yellowDueWithinDays: 0 } };
    expect(lightOf({ dueDate: '2021-07-01' }, none).light).toBe('green');
    expect(lightOf({ dueDate: '2021-06-30' }, none)).toEqual({
      light: 'yellow',
      reasons: ['due today'],
    });
  });
});

describe('a light from bad facts', () => {
  it.each([
    [{ actual: -1 }, 'actual'],
    [{ actual: 100.5 }, 'actual'],
    [{ expected: Number.NaN }, 'expected'],
    [{ dueDate: '2021-06-31' }, 'dueDate'],
    [{ day: '30/06/2021' }, 'day'],
  ])('%j is refused naming %s', (facts, field) => {
    expect(() => lightOf(facts)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ field }) }),
    );
  });
});
