import { emptyReport, tally } from '../../services/supervision/clock/report.ts';

describe('the report of a clock run', () => {
  it('starts at zero for its day', () => {
    expect(emptyReport('2021-06-28')).toEqual({
      day: '2021-06-28',
      reminded: 0,
      overdue: 0,
      escalated: 0,
      signingReminded: 0,
      signingUrged: 0,
      reportsMissed: 0,
      repliesOverdue: 0,
      lightsChanged: 0,
      settled: 0,
      skipped: 0,
      failed: 0,
    });
  });

  it('counts each fact recorded under its kind', () => {
    let report = emptyReport('2021-06-28');
    report = tally(report, 'remind', 'recorded');
    report = tally(report, 'overdue', 'recorded');
    report = tally(report, 'overdue', 'recorded');
    report = tally(report, 'escalate', 'recorded');
    expect(report).toMatchObject({ reminded: 1, overdue: 2, escalated: 1 });
  });

  it('does not count a fact an earlier run recorded', () => {
    const report = tally(emptyReport('2021-06-28'), 'remind', 'unchanged');
    expect(report).toEqual(emptyReport('2021-06-28'));
  });

  it('counts refused and failed candidates apart from the facts', () => {
    let report = tally(emptyReport('2021-06-28'), 'remind', 'skipped');
    report = tally(report, 'escalate', 'failed');
    expect(report).toMatchObject({ reminded: 0, escalated: 0, skipped: 1, failed: 1 });
  });
});
