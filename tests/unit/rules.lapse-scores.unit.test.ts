import { timeLimitDefaults } from '../../contracts/events/ruleset-events.ts';
import { type ScoringFacts, unitScores } from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

const facts: ScoringFacts = {
  period: '2021',
  unitIds: ['edu'],
  missedDeadlines: [],
  redTasks: [],
  returnedForRework: [],
  pingPongs: [],
  accountability: [],
  bonuses: [],
  lapses: [
    { taskId: 't1', unitId: 'edu', kind: 'report_missed', ref: '2021-03-14' },
    { taskId: 't1', unitId: 'edu', kind: 'report_missed', ref: '2021-03-21' },
    { taskId: 't1', unitId: 'edu', kind: 'reply_overdue', ref: 'n1' },
  ],
};

describe('time limits a unit let lapse (未按期报送, replies late)', () => {
  it('each cost the default points: half a point a missed report, one a late reply', () => {
    const [edu] = unitScores(facts, defaultRuleset);
    expect(edu?.score).toBe(98);
    expect(edu?.items.map((item) => [item.rule, item.points, item.ref])).toEqual([
      ['report_missed', -0.5, 't1/2021-03-14'],
      ['report_missed', -0.5, 't1/2021-03-21'],
      ['reply_overdue', -1, 't1/n1'],
    ]);
  });

  it('cost what the ruleset in force says', () => {
    const ruleset = {
      ...defaultRuleset,
      timeLimits: { ...timeLimitDefaults, missedReportPoints: -2, lateReplyPoints: 0 },
    };
    expect(unitScores(facts, ruleset)[0]?.score).toBe(96);
  });

  it('cost nothing where there are none (facts from before)', () => {
    const { lapses: _, ...older } = facts;
    expect(unitScores(older, defaultRuleset)[0]?.score).toBe(100);
  });
});
