import type { TaskEvent } from '../../contracts/events/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  actingAs,
  closedTask,
  completedTask,
  completionReported,
  leader,
  leadHead,
  on,
  plannedTask,
  taskId,
  taskRegistered,
  taskTerminated,
} from './support/task-fixtures.ts';

const award = taskCommand('AwardBonus', {
  taskId,
  bonusId: 'bonus-1',
  unitId: 'education-bureau',
  kind: 'commendation',
  points: 2,
  reason: '区长肯定性批示：学校建设进度快、质量好',
  unitCategories: { 'education-bureau': 'government', 'finance-bureau': 'government' },
});

type Awarded = Extract<TaskEvent, { type: 'BonusAwarded' }>['data'];

const awarded = (change: Partial<Awarded> = {}): TaskEvent => ({
  type: 'BonusAwarded',
  data: {
    taskId,
    bonusId: 'bonus-1',
    unitId: 'education-bureau',
    kind: 'commendation',
    points: 2,
    reason: '区长肯定性批示：学校建设进度快、质量好',
    awardedBy: 'leader-1',
    awardedOn: '2021-03-01',
    ...change,
  },
});

const accepted = (acceptedOn: string): TaskEvent => ({
  type: 'TaskCompletionAccepted',
  data: { taskId, comment: null, acceptedOn },
});

/** The fixtures' task, due 2021-12-31 (a Friday, a working day), closed on `acceptedOn`. */
const closedOn = (acceptedOn: string): TaskEvent[] => [
  ...completedTask,
  completionReported,
  accepted(acceptedOn),
];

const early = { kind: 'early_completion' as const };

/** Today is 2021-03-01 in the default context; the task is due 2021-12-31. */
describe('a leader awarding bonus points (加分)', () => {
  it('commends the lead unit, on the day, as the leader', () => {
    given(taskDecider, plannedTask).when(award(), leader).then([awarded()]);
  });

  it('commends a cooperating unit', () => {
    given(taskDecider, plannedTask)
      .when(award({ unitId: 'finance-bureau' }), leader)
      .then([awarded({ unitId: 'finance-bureau' })]);
  });

  it('may add as many points as one award may under the ruleset in force (5 by default)', () => {
    given(taskDecider, plannedTask)
      .when(award({ points: 5 }), leader)
      .then([awarded({ points: 5 })]);
  });

  it('follows the ruleset the service looked up: a version may allow more', () => {
    const generous = {
      ...defaultRuleset,
      scoring: { ...defaultRuleset.scoring, bonusPerAwardMax: 8 },
    };
    given(taskDecider, plannedTask)
      .when(award({ points: 7.5, ruleset: { ...generous, version: 2 } }), leader)
      .then([awarded({ points: 7.5 })]);
  });

  it('may commend a closed task (办结) too', () => {
    given(taskDecider, closedTask).when(award(), leader).then([awarded()]);
  });

  itRefuses(taskDecider, plannedTask, [
    ['refuses the office: 加分 is a leader’s', award(), actingAs('office'), 'FORBIDDEN'],
    ['refuses a department head', award(), leadHead, 'FORBIDDEN'],
    ['refuses an inspector', award(), actingAs('inspector'), 'FORBIDDEN'],
    [
      'refuses a unit with no part in the task',
      award({ unitId: 'land-bureau' }),
      leader,
      'VALIDATION',
      'unitId',
    ],
    ['refuses 0 points', award({ points: 0 }), leader, 'VALIDATION', 'points'],
    ['refuses points taken off', award({ points: -2 }), leader, 'VALIDATION', 'points'],
    [
      'refuses more points than one award may add',
      award({ points: 5.5 }),
      leader,
      'VALIDATION',
      'points',
    ],
    [
      'refuses more than 100 points whatever the ruleset',
      award({ points: 101 }),
      leader,
      'VALIDATION',
      'points',
    ],
    [
      'refuses a kind it does not know',
      award({ kind: 'praise' as never }),
      leader,
      'VALIDATION',
      'kind',
    ],
    ['refuses a blank reason', award({ reason: '  ' }), leader, 'VALIDATION', 'reason'],
    [
      'refuses an early completion of a task not accepted (办结)',
      award(early),
      leader,
      'ILLEGAL_STATE',
      'kind',
    ],
  ]);

  it('names the maximum of the ruleset in force when the points are above it', () => {
    const strict = {
      ...defaultRuleset,
      version: 3,
      scoring: { ...defaultRuleset.scoring, bonusPerAwardMax: 3 },
    };
    const error = given(taskDecider, plannedTask)
      .when(award({ points: 4, ruleset: strict }), leader)
      .thenThrows('VALIDATION', 'points');
    expect(error.details.rule).toBe(
      'must be more than 0 and at most 3, the bonusPerAwardMax of ruleset version 3',
    );
  });

  it('refuses an id already used on the task', () => {
    given(taskDecider, [...plannedTask, awarded()])
      .when(award(), leader)
      .thenThrows('ILLEGAL_STATE', 'bonusId');
  });

  it('refuses a terminated task', () => {
    given(taskDecider, [...plannedTask, taskTerminated])
      .when(award(), leader)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('bonus points for a supervising or discipline body (督查·纪检机关)', () => {
  const asSupervision = { unitCategories: { 'finance-bureau': 'supervision' as const } };

  it('are refused: those bodies are scored but not ranked, so 加分 has nothing to move', () => {
    const error = given(taskDecider, plannedTask)
      .when(award({ unitId: 'finance-bureau', ...asSupervision }), leader)
      .thenThrows('VALIDATION', 'unitId');
    expect(error.details.rule).toMatch(/^must not be a supervising or discipline body/);
  });

  it('are refused for an early completion too', () => {
    given(taskDecider, closedTask)
      .when(award({ unitId: 'finance-bureau', ...asSupervision, ...early }), leader)
      .thenThrows('VALIDATION', 'unitId');
  });

  it('go to a unit the directory lists in a ranked category', () => {
    given(taskDecider, plannedTask)
      .when(
        award({ unitId: 'finance-bureau', unitCategories: { 'finance-bureau': 'party' } }),
        leader,
      )
      .then([awarded({ unitId: 'finance-bureau' })]);
  });
});

describe('bonus points for an early completion (提前完成)', () => {
  it('go to a unit of a task accepted before its due date', () => {
    given(taskDecider, closedOn('2021-11-15'))
      .when(award(early), on('2021-11-20', leader))
      .then([awarded({ ...early, awardedOn: '2021-11-20' })]);
  });

  it('go to a cooperating unit too, once each', () => {
    const history = [...closedOn('2021-11-15'), awarded(early)];
    given(taskDecider, history)
      .when(award({ ...early, bonusId: 'bonus-2', unitId: 'finance-bureau' }), leader)
      .then([awarded({ ...early, bonusId: 'bonus-2', unitId: 'finance-bureau' })]);
    given(taskDecider, history)
      .when(award({ ...early, bonusId: 'bonus-2' }), leader)
      .thenThrows('ILLEGAL_STATE', 'unitId');
  });

  it('leave commendations of the same unit open', () => {
    given(taskDecider, [...closedOn('2021-11-15'), awarded(early)])
      .when(award({ bonusId: 'bonus-2' }), leader)
      .then([awarded({ bonusId: 'bonus-2' })]);
  });

  it('are refused for a task accepted on its limit: on time is not early', () => {
    const error = given(taskDecider, closedOn('2021-12-31'))
      .when(award(early), on('2022-01-05', leader))
      .thenThrows('ILLEGAL_STATE', 'kind');
    expect(error.message).toBe(
      'early_completion needs the completion of task task-1 accepted (办结) before its limit 2021-12-31: it was accepted on 2021-12-31',
    );
  });

  it('are refused for a task reported done but not accepted yet', () => {
    given(taskDecider, [...completedTask, completionReported])
      .when(award(early), leader)
      .thenThrows('ILLEGAL_STATE', 'kind');
  });

  describe('of a task due on a day off', () => {
    // Due Saturday 2021-10-02, in the National Day holiday: the limit runs to Friday
    // 10-08, the first working day after it (2021-10-09, a Saturday, was worked too).
    const dueInHoliday = [
      { ...taskRegistered, data: { ...taskRegistered.data, dueDate: '2021-10-02' } },
      ...completedTask.slice(1),
      completionReported,
    ];

    it('count the working-day limit, not the date: accepted on 10-07 is early', () => {
      given(taskDecider, [...dueInHoliday, accepted('2021-10-07')])
        .when(award(early), leader)
        .then([awarded(early)]);
    });

    it('are refused for a task accepted on the limit', () => {
      given(taskDecider, [...dueInHoliday, accepted('2021-10-08')])
        .when(award(early), leader)
        .thenThrows('ILLEGAL_STATE', 'kind');
    });
  });
});
