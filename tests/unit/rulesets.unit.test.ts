import {
  matterDefaults,
  matterLimitOf,
  matterRulesOf,
  type Ruleset,
  type RulesetEvent,
} from '../../contracts/events/index.ts';
import { timeLimitDefaults, timeLimitsOf } from '../../contracts/events/ruleset-events.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { publishedRulesets, rulesetInForce } from '../../domain/rulesets/in-force.ts';
import type { RulesetCommand } from '../../services/rulesets/domain/commands.ts';
import { rulesetDecider } from '../../services/rulesets/domain/decider.ts';
import { given } from './support/given-when-then.ts';

/** The DESIGN §4 numbers: lights, reminders, escalation and the deductions but their cap. */
const design = {
  lights: { yellowBehindPoints: 10, redBehindPoints: 30, yellowDueWithinDays: 3 },
  reminderLeadDays: 3,
  escalation: { toResponsibleLeaderAfterDays: 3, toMainLeaderAfterDays: 7 },
};
const designDeductions = {
  leadUnitFailedTask: -5,
  cooperatingUnitFailedTask: -3,
  pingPongPerUnit: -1,
};

/** One award at most 5 points, a unit's awards at most 5 a year. */
const designBonuses = { bonusPerAwardMax: 5, bonusCapPerPeriod: 5 };

const ruleset = (changes: Partial<Ruleset> = {}): Ruleset => ({
  version: 1,
  inForceFrom: '2021-01-01',
  ...structuredClone(design),
  scoring: { ...designDeductions, ...designBonuses, accountabilityDeductionCap: -10 },
  note: '2021 rules',
  ...changes,
});

const publish = (data: Ruleset): RulesetCommand => ({ type: 'PublishRuleset', data });
const published = (data: Ruleset): RulesetEvent => ({ type: 'RulesetPublished', data });

const lights = (changes: Partial<Ruleset['lights']>) => ({
  lights: { ...ruleset().lights, ...changes },
});
const escalation = (changes: Partial<Ruleset['escalation']>) => ({
  escalation: { ...ruleset().escalation, ...changes },
});
const scoring = (changes: Partial<Ruleset['scoring']>) => ({
  scoring: { ...ruleset().scoring, ...changes },
});

describe('publishing the first ruleset', () => {
  it('records it as given', () => {
    given(rulesetDecider, [])
      .when(publish(ruleset()))
      .then([published(ruleset())]);
  });

  it('records the note trimmed, and a blank note as none', () => {
    given(rulesetDecider, [])
      .when(publish(ruleset({ note: ' 2021 rules ' })))
      .then([published(ruleset())]);
    given(rulesetDecider, [])
      .when(publish(ruleset({ note: '  ' })))
      .then([published(ruleset({ note: null }))]);
  });

  it('may leave accountability deductions uncapped', () => {
    const uncapped = ruleset(scoring({ accountabilityDeductionCap: null }));
    given(rulesetDecider, [])
      .when(publish(uncapped))
      .then([published(uncapped)]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses version %p', (version) => {
    given(rulesetDecider, [])
      .when(publish(ruleset({ version })))
      .thenThrows('VALIDATION', 'version');
  });

  it.each(['2021-02-29', '2021/01/01', ''])('refuses inForceFrom %p', (inForceFrom) => {
    given(rulesetDecider, [])
      .when(publish(ruleset({ inForceFrom })))
      .thenThrows('VALIDATION', 'inForceFrom');
  });

  it('refuses a note longer than the limit', () => {
    given(rulesetDecider, [])
      .when(publish(ruleset({ note: 'x'.repeat(2001) })))
      .thenThrows('VALIDATION', 'note');
  });
});

describe('light thresholds of a ruleset', () => {
  it.each([
    [lights({ yellowBehindPoints: -1 }), 'lights.yellowBehindPoints'],
    [lights({ yellowBehindPoints: Number.NaN }), 'lights.yellowBehindPoints'],
    [lights({ redBehindPoints: 100.5 }), 'lights.redBehindPoints'],
    [lights({ yellowBehindPoints: 30, redBehindPoints: 30 }), 'lights.redBehindPoints'],
    [lights({ yellowBehindPoints: 40, redBehindPoints: 30 }), 'lights.redBehindPoints'],
    [lights({ yellowDueWithinDays: -1 }), 'lights.yellowDueWithinDays'],
    [lights({ yellowDueWithinDays: 61 }), 'lights.yellowDueWithinDays'],
    [lights({ yellowDueWithinDays: 2.5 }), 'lights.yellowDueWithinDays'],
  ])('refuses %j, naming %s', (changes, field) => {
    given(rulesetDecider, [])
      .when(publish(ruleset(changes)))
      .thenThrows('VALIDATION', field);
  });

  it.each([
    lights({ yellowBehindPoints: 0, redBehindPoints: 100 }),
    lights({ yellowBehindPoints: 29.9, redBehindPoints: 30 }),
    lights({ yellowDueWithinDays: 0 }),
    lights({ yellowDueWithinDays: 60 }),
  ])('accepts %j at the edge', (changes) => {
    given(rulesetDecider, [])
      .when(publish(ruleset(changes)))
      .then([published(ruleset(changes))]);
  });
});

describe('lead times and escalation of a ruleset', () => {
  it.each([
    [{ reminderLeadDays: -1 }, 'reminderLeadDays'],
    [{ reminderLeadDays: 61 }, 'reminderLeadDays'],
    [escalation({ toResponsibleLeaderAfterDays: 61 }), 'escalation.toResponsibleLeaderAfterDays'],
    [escalation({ toMainLeaderAfterDays: 7.5 }), 'escalation.toMainLeaderAfterDays'],
    [escalation({ toResponsibleLeaderAfterDays: 7 }), 'escalation.toMainLeaderAfterDays'],
    [escalation({ toResponsibleLeaderAfterDays: 8 }), 'escalation.toMainLeaderAfterDays'],
  ])('refuses %j, naming %s', (changes, field) => {
    given(rulesetDecider, [])
      .when(publish(ruleset(changes)))
      .thenThrows('VALIDATION', field);
  });

  it.each([
    { reminderLeadDays: 0 },
    { reminderLeadDays: 60 },
    escalation({ toResponsibleLeaderAfterDays: 0, toMainLeaderAfterDays: 1 }),
    escalation({ toResponsibleLeaderAfterDays: 59, toMainLeaderAfterDays: 60 }),
  ])('accepts %j at the edge', (changes) => {
    given(rulesetDecider, [])
      .when(publish(ruleset(changes)))
      .then([published(ruleset(changes))]);
  });
});

describe('scoring weights of a ruleset', () => {
  it.each([
    [scoring({ leadUnitFailedTask: 1 }), 'scoring.leadUnitFailedTask'],
    [scoring({ cooperatingUnitFailedTask: 0.5 }), 'scoring.cooperatingUnitFailedTask'],
    [scoring({ pingPongPerUnit: -101 }), 'scoring.pingPongPerUnit'],
    [scoring({ accountabilityDeductionCap: 5 }), 'scoring.accountabilityDeductionCap'],
    [
      scoring({ accountabilityDeductionCap: Number.NEGATIVE_INFINITY }),
      'scoring.accountabilityDeductionCap',
    ],
  ])('refuses %j, naming %s', (changes, field) => {
    given(rulesetDecider, [])
      .when(publish(ruleset(changes)))
      .thenThrows('VALIDATION', field);
  });

  it('accepts deductions of 0 and −100', () => {
    const edges = ruleset(
      scoring({ leadUnitFailedTask: -100, pingPongPerUnit: 0, accountabilityDeductionCap: 0 }),
    );
    given(rulesetDecider, [])
      .when(publish(edges))
      .then([published(edges)]);
  });
});

describe('bonus bounds (加分) of a ruleset', () => {
  it.each([
    [scoring({ bonusPerAwardMax: -1 }), 'scoring.bonusPerAwardMax'],
    [scoring({ bonusPerAwardMax: 100.5 }), 'scoring.bonusPerAwardMax'],
    [scoring({ bonusCapPerPeriod: -0.5 }), 'scoring.bonusCapPerPeriod'],
    [scoring({ bonusCapPerPeriod: Number.NaN }), 'scoring.bonusCapPerPeriod'],
  ])('refuses %j, naming %s', (changes, field) => {
    given(rulesetDecider, [])
      .when(publish(ruleset(changes)))
      .thenThrows('VALIDATION', field);
  });

  it('accepts 0 and 100: a version may turn bonuses off, or leave them almost free', () => {
    for (const edges of [
      ruleset(scoring({ bonusPerAwardMax: 0, bonusCapPerPeriod: 0 })),
      ruleset(scoring({ bonusPerAwardMax: 100, bonusCapPerPeriod: 100 })),
    ]) {
      given(rulesetDecider, [])
        .when(publish(edges))
        .then([published(edges)]);
    }
  });

  it('reads the defaults where a client sends none: one award 5 points, 5 a year', () => {
    const { bonusPerAwardMax: _max, bonusCapPerPeriod: _cap, ...older } = ruleset().scoring;
    given(rulesetDecider, [])
      .when(publish({ ...ruleset(), scoring: older } as Ruleset))
      .then([published(ruleset())]);
  });

  it('can be changed by a new version, in force from its day', () => {
    const v2 = ruleset({
      version: 2,
      inForceFrom: '2021-07-01',
      ...scoring({ bonusCapPerPeriod: 8 }),
    });
    const versions = publishedRulesets([published(ruleset()), published(v2)]);
    expect(rulesetInForce(versions, '2021-06-30').scoring.bonusCapPerPeriod).toBe(5);
    expect(rulesetInForce(versions, '2021-07-01').scoring.bonusCapPerPeriod).toBe(8);
  });
});

describe('publishing a later version', () => {
  const history = [published(ruleset())];

  it('needs a version greater than the latest', () => {
    given(rulesetDecider, history)
      .when(publish(ruleset({ inForceFrom: '2021-07-01' })))
      .thenThrows('VALIDATION', 'version');
  });

  it('may skip version numbers', () => {
    const v5 = ruleset({ version: 5, inForceFrom: '2021-07-01' });
    given(rulesetDecider, history)
      .when(publish(v5))
      .then([published(v5)]);
  });

  it('may take effect on the same day as the latest', () => {
    const v2 = ruleset({ version: 2 });
    given(rulesetDecider, history)
      .when(publish(v2))
      .then([published(v2)]);
  });

  it('may not take effect before the latest', () => {
    given(rulesetDecider, history)
      .when(publish(ruleset({ version: 2, inForceFrom: '2020-12-31' })))
      .thenThrows('VALIDATION', 'inForceFrom');
  });
});

describe('the default ruleset', () => {
  it('is version 0, in force from 2000-01-01, with the DESIGN §4 numbers', () => {
    expect(defaultRuleset).toMatchObject({
      version: 0,
      inForceFrom: '2000-01-01',
      ...design,
      scoring: { ...designDeductions, ...designBonuses, accountabilityDeductionCap: null },
    });
  });

  it('passes the rules a published version must pass', () => {
    given(rulesetDecider, [])
      .when(publish({ ...defaultRuleset, version: 1 }))
      .then([published({ ...defaultRuleset, version: 1 })]);
  });

  it('cannot be changed by whoever reads it', () => {
    expect(Object.isFrozen(defaultRuleset)).toBe(true);
    expect(Object.isFrozen(defaultRuleset.lights)).toBe(true);
    expect(Object.isFrozen(defaultRuleset.scoring)).toBe(true);
  });
});

describe('the ruleset in force on a date', () => {
  const v1 = ruleset({ version: 1, inForceFrom: '2021-01-01' });
  const v2 = ruleset({ version: 2, inForceFrom: '2021-07-01' });
  const v3 = ruleset({ version: 3, inForceFrom: '2021-07-01' });
  const v4 = ruleset({ version: 4, inForceFrom: '2022-01-01' });

  it('is the default when none was published', () => {
    expect(rulesetInForce([], '2021-06-30')).toBe(defaultRuleset);
  });

  it.each([
    ['2020-12-31', 0, 'the day before the first version: the default'],
    ['2021-01-01', 1, 'the day the first version takes effect'],
    ['2021-06-30', 1, 'the day before the next version'],
    ['2021-07-01', 3, 'the day two versions take effect: the higher'],
    ['2021-12-31', 3, 'the day before the next version'],
    ['2022-01-01', 4, 'the day the latest version takes effect'],
    ['2030-01-01', 4, 'any later day'],
  ])('on %s is version %i: %s', (date, version) => {
    expect(rulesetInForce([v1, v2, v3, v4], date).version).toBe(version);
  });

  it('does not depend on the order versions are listed in', () => {
    expect(rulesetInForce([v4, v3, v1, v2], '2021-07-01').version).toBe(3);
    expect(rulesetInForce([v3, v2], '2021-07-01').version).toBe(3);
  });

  it('is a published version over the default on 2000-01-01', () => {
    const early = ruleset({ version: 1, inForceFrom: '2000-01-01' });
    expect(rulesetInForce([early], '2000-01-01')).toBe(early);
  });

  it('reads the versions from the rules stream', () => {
    expect(publishedRulesets([published(v1), published(v2)])).toEqual([v1, v2]);
  });
});

describe('the rules of matters (事项来源) in a ruleset', () => {
  const given_ = (matters: unknown) => ({ ...ruleset(), matters }) as unknown as Ruleset;
  const stored = {
    limits: [
      { kind: 'leader_instruction' as const, workingDays: 5 },
      { kind: 'public_clue' as const, workingDays: 7 },
    ],
    redoWorkingDays: 15,
    dissatisfiedDeduction: -2,
  };

  it('stores the limits given; a kind left out reads its default', () => {
    const matters = {
      limits: [
        { kind: 'leader_instruction', workingDays: 5 },
        { kind: 'public_clue', workingDays: 7 },
      ],
      redoWorkingDays: 15,
      dissatisfiedDeduction: -2,
    };
    given(rulesetDecider, [])
      .when(publish(given_(matters)))
      .then([published({ ...ruleset(), matters: stored })]);
  });

  it('stores a version without them as before: absent, read as the defaults', () => {
    given(rulesetDecider, [])
      .when(publish(ruleset()))
      .then([published(ruleset())]);
    expect(matterRulesOf(ruleset())).toBe(matterDefaults);
    const own = matterRulesOf({ ...ruleset(), matters: stored });
    expect(own.redoWorkingDays).toBe(15);
    expect(matterLimitOf(own, 'public_clue')).toBe(7);
    expect(matterLimitOf(own, 'cppcc_proposal')).toBe(60);
  });

  it.each([
    [
      {
        limits: [{ kind: 'rumour', workingDays: 5 }],
        redoWorkingDays: 20,
        dissatisfiedDeduction: -1,
      },
      'matters.limits[0].kind',
    ],
    [
      {
        limits: [
          { kind: 'public_clue', workingDays: 5 },
          { kind: 'public_clue', workingDays: 7 },
        ],
        redoWorkingDays: 20,
        dissatisfiedDeduction: -1,
      },
      'matters.limits',
    ],
    [{ limits: [], redoWorkingDays: 0, dissatisfiedDeduction: -1 }, 'matters.redoWorkingDays'],
    [
      { limits: [], redoWorkingDays: 20, dissatisfiedDeduction: 1 },
      'matters.dissatisfiedDeduction',
    ],
  ])('refuses %j, naming %s', (matters, field) => {
    given(rulesetDecider, [])
      .when(publish(given_(matters)))
      .thenThrows('VALIDATION', field);
  });
});

describe('the time limits of a ruleset (签收, reports, replies)', () => {
  const limits = {
    signingWorkingDays: 1,
    urgeReplyWorkingDays: 2,
    noticeReplyWorkingDays: { blue: 4, yellow: 3, red: 1 },
    escalateUpTo: 'yellow' as const,
    missedReportPoints: -1,
    lateReplyPoints: -2,
    liaisonReportNeedsApproval: false,
  };

  it('are kept as published', () => {
    given(rulesetDecider, [])
      .when(publish(ruleset({ timeLimits: limits })))
      .then([published(ruleset({ timeLimits: limits }))]);
  });

  it('are absent from a version that names none, which reads the defaults', () => {
    given(rulesetDecider, [])
      .when(publish(ruleset()))
      .then([published(ruleset())]);
    expect(timeLimitsOf(ruleset())).toEqual(timeLimitDefaults);
    expect(timeLimitsOf(ruleset({ timeLimits: limits }))).toEqual(limits);
  });

  it.each([
    [
      'a signing limit of 0 working days',
      { signingWorkingDays: 0 },
      'timeLimits.signingWorkingDays',
    ],
    ['an unknown colour', { escalateUpTo: 'green' }, 'timeLimits.escalateUpTo'],
    [
      'points gained for a missed report',
      { missedReportPoints: 1 },
      'timeLimits.missedReportPoints',
    ],
    [
      'a colour without its reply days',
      { noticeReplyWorkingDays: { blue: 4, yellow: 3 } },
      'timeLimits.noticeReplyWorkingDays.red',
    ],
  ])('refuse %s', (_, change, field) => {
    const bad = { ...limits, ...change } as unknown as Ruleset['timeLimits'];
    given(rulesetDecider, [])
      .when(publish(ruleset({ timeLimits: bad })))
      .thenThrows('VALIDATION', field);
  });
});
