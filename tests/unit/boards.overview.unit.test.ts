import { dayLightsOf } from '../../services/boards/build/day-lights.ts';
import { buildOverview, seriesDays } from '../../services/boards/build/overview.ts';
import {
  assigned,
  blocked,
  boardLog,
  planned,
  registered,
  reported,
  unit,
} from './support/boards.ts';

describe('the days of the light chart', () => {
  it('are the month ends of the year before the day, then the day', () => {
    expect(seriesDays('2021-04-15')).toEqual([
      '2021-01-31',
      '2021-02-28',
      '2021-03-31',
      '2021-04-15',
    ]);
  });

  it('end on a month end once, when the day is one', () => {
    expect(seriesDays('2021-02-28')).toEqual(['2021-01-31', '2021-02-28']);
  });

  it('are the twelve month ends on the last day of the year', () => {
    const days = seriesDays('2021-12-31');
    expect(days).toHaveLength(12);
    expect(days[1]).toBe('2021-02-28');
    expect(days.at(-1)).toBe('2021-12-31');
  });

  it('know leap years', () => {
    expect(seriesDays('2024-03-01')[1]).toBe('2024-02-29');
  });
});

const log = () =>
  boardLog()
    .on('2021-01-01', unit('edu'), unit('env'))
    .on('2021-01-01', registered('a'), assigned('a', 'edu'), planned('a', 'm1', '2021-02-15'))
    .on('2021-01-01', registered('b', { section: 'Environment' }), assigned('b', 'env'))
    .on('2021-01-01', planned('b', 'm1', '2021-03-10'), planned('b', 'm2', '2021-12-31'))
    .on('2021-01-01', registered('c', { section: 'Environment' }), assigned('c', 'env'))
    .on('2021-01-01', planned('c', 'm1', '2021-12-31'))
    .on('2021-02-01', reported('a', 'm1', 100), reported('c', 'm1', 30))
    .on('2021-03-01', blocked('b', 'b1', 'edu', 'env'))
    .on('2021-03-05', blocked('c', 'c1', 'edu', 'env'));

describe('the overview of a day', () => {
  const history = log();
  const earlier = seriesDays('2021-03-20')
    .slice(0, -1)
    .map((day) => dayLightsOf(history.input(day)));
  const overview = buildOverview(history.input('2021-03-20'), earlier, { top: 10 });

  it('counts the lights per plan section', () => {
    expect(overview.sections).toEqual([
      { section: 'Education', green: 0, yellow: 0, red: 1, suspended: 0, accepted: 0, total: 1 },
      { section: 'Environment', green: 1, yellow: 0, red: 1, suspended: 0, accepted: 0, total: 2 },
    ]);
    expect(overview.totals).toEqual({ green: 1, yellow: 0, red: 2 });
  });

  it('lists the worst overdue milestones first', () => {
    expect(overview.worstOverdue.map((row) => [row.id, row.daysOverdue])).toEqual([
      // Due 02-15, in the Spring Festival holiday: the limit is 02-18.
      ['a/m1', 30],
      ['b/m1', 10],
    ]);
  });

  it('lists the oldest open blockages first', () => {
    expect(overview.oldestBlockages.map((row) => [row.id, row.ageDays])).toEqual([
      ['b/b1', 19],
      ['c/c1', 15],
    ]);
  });

  it('ranks the units', () => {
    // b's m1 (due 03-10) waited on edu since 03-01: edu's 5 points, not env's.
    expect(overview.ranking).toEqual([
      { rank: 1, unitId: 'env', unitName: 'Bureau env', category: 'government', score: 100 },
      { rank: 2, unitId: 'edu', unitName: 'Bureau edu', category: 'government', score: 90 },
    ]);
  });

  it('charts the lights as known at each month end, then on the day', () => {
    expect(overview.series).toEqual([
      // By each plan: a (all due 02-15) expects 67 and has 0, red; b (half due 03-10)
      // expects 22.79, yellow; c (due 12-31) expects 8.49, green.
      { day: '2021-01-31', green: 1, yellow: 1, red: 1 },
      // a's milestone overdue since 02-19 (its limit after Spring Festival); b 43 behind.
      { day: '2021-02-28', green: 1, yellow: 0, red: 2 },
      { day: '2021-03-20', green: 1, yellow: 0, red: 2 },
    ]);
  });

  it('keeps to the top few', () => {
    const top = buildOverview(history.input('2021-03-20'), [], { top: 1 });
    expect(top.worstOverdue).toHaveLength(1);
    expect(top.oldestBlockages).toHaveLength(1);
  });

  it('keeps to one section when asked', () => {
    const env = buildOverview(history.input('2021-03-20'), earlier, {
      top: 10,
      section: 'Environment',
    });
    expect(env.sections.map((row) => row.section)).toEqual(['Environment']);
    expect(env.worstOverdue.map((row) => row.id)).toEqual(['b/m1']);
    expect(env.series.at(-1)).toEqual({ day: '2021-03-20', green: 1, yellow: 0, red: 1 });
  });
});

describe('the completion rate (办结率) on the overview', () => {
  const closed = log()
    .on('2021-04-01', {
      type: 'TaskCompletionReported',
      data: { taskId: 'c', summary: '已完成', evidence: [] },
    })
    .on('2021-04-02', {
      type: 'TaskCompletionAccepted',
      data: { taskId: 'c', comment: null, acceptedOn: '2021-04-02' },
    });

  it('counts per section the tasks whose completion the office accepted, from that day', () => {
    const accepted = (day: string) =>
      buildOverview(closed.input(day), [], { top: 1 }).sections.map((row) => [
        row.section,
        row.accepted,
        row.total,
      ]);
    expect(accepted('2021-04-01')).toEqual([
      ['Education', 0, 1],
      ['Environment', 0, 2],
    ]);
    expect(accepted('2021-04-02')).toEqual([
      ['Education', 0, 1],
      ['Environment', 1, 2],
    ]);
  });
});
