import type { Ruleset } from '../../contracts/events/index.ts';
import { timeLimitDefaults } from '../../contracts/events/ruleset-events.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import type {
  AgendaNotice,
  AgendaSigning,
  AgendaUrge,
  ClockAgendaItem,
} from '../../projections/clock-agenda/projection.ts';
import { clockCandidates } from '../../services/supervision/clock/candidates.ts';
import { clockKey } from '../../services/supervision/clock/commands.ts';

const agenda = (overrides: Partial<ClockAgendaItem> = {}): ClockAgendaItem => ({
  id: 'task-1',
  position: 1,
  taskId: 'task-1',
  suspended: false,
  terminated: false,
  milestones: [],
  blockages: [],
  nextDueDate: null,
  waitingSince: null,
  ...overrides,
});

const signing = (overrides: Partial<AgendaSigning> = {}): AgendaSigning => ({
  unitId: 'edu',
  assignedOn: '2021-03-05',
  signed: false,
  reminded: false,
  urged: false,
  ...overrides,
});

const urge = (overrides: Partial<AgendaUrge> = {}): AgendaUrge => ({
  urgeId: 'u1',
  unitId: 'edu',
  replyBy: '2021-03-10',
  answeredOn: null,
  overdue: false,
  ...overrides,
});

const notice = (overrides: Partial<AgendaNotice> = {}): AgendaNotice => ({
  noticeId: 'n1',
  unitId: 'edu',
  level: 'blue',
  replyDueDate: '2021-03-10',
  answeredOn: null,
  overdue: false,
  ...overrides,
});

const withLimits = (changes: Partial<typeof timeLimitDefaults>): Ruleset => ({
  ...defaultRuleset,
  timeLimits: { ...timeLimitDefaults, ...changes },
});

/** The candidates on `day` by the 2021 working-day calendar (State Council notice). */
const due = (item: ClockAgendaItem, day: string, ruleset: Ruleset = defaultRuleset) =>
  clockCandidates([item], day, ruleset, shippedCalendars);

describe('a unit assigned on Friday 2021-03-05 with a signing limit of one working day', () => {
  const oneDay = withLimits({ signingWorkingDays: 1 });
  const item = agenda({ signing: [signing()] });

  it('is not reminded on Monday, the last day of its limit: the weekend does not count', () => {
    expect(due(item, '2021-03-08', oneDay)).toEqual([]);
  });

  it('is reminded on Tuesday, the first working day after the limit', () => {
    expect(due(item, '2021-03-09', oneDay)).toEqual([
      {
        kind: 'remind-signing',
        taskId: 'task-1',
        unitId: 'edu',
        assignedOn: '2021-03-05',
        limitDate: '2021-03-08',
      },
    ]);
  });

  it('is urged (催办) by the clock the working day after the reminder, with a reply-by in working days', () => {
    const reminded = agenda({ signing: [signing({ reminded: true })] });
    expect(due(reminded, '2021-03-09', oneDay)).toEqual([]);
    expect(due(reminded, '2021-03-10', oneDay)).toEqual([
      {
        kind: 'urge-signing',
        taskId: 'task-1',
        unitId: 'edu',
        assignedOn: '2021-03-05',
        urgeId: 'sign-edu-2021-03-05',
        // Three working days after Wednesday 10 March: Monday 15 March.
        replyBy: '2021-03-15',
      },
    ]);
  });

  it('is neither reminded nor urged once signed, and urged once only', () => {
    expect(due(agenda({ signing: [signing({ signed: true })] }), '2021-03-09', oneDay)).toEqual([]);
    const urged = agenda({ signing: [signing({ reminded: true, urged: true })] });
    expect(due(urged, '2021-03-11', oneDay)).toEqual([]);
  });
});

describe('a signing limit across the Qingming holiday (3–5 April 2021)', () => {
  it('runs to Tuesday 6 April for a unit assigned on Friday 2 April: reminded on Wednesday 7', () => {
    const item = agenda({ signing: [signing({ assignedOn: '2021-04-02' })] });
    const oneDay = withLimits({ signingWorkingDays: 1 });
    expect(due(item, '2021-04-06', oneDay)).toEqual([]);
    expect(due(item, '2021-04-07', oneDay)).toMatchObject([
      { kind: 'remind-signing', limitDate: '2021-04-06' },
    ]);
  });
});

describe('a weekly reporting cycle', () => {
  const reporting = {
    cycle: 'weekly' as const,
    leadUnitId: 'edu',
    since: '2021-03-05',
    lastReportOn: null,
    missed: [],
  };

  it('records the week of 8–14 March missed on Monday 15 March, with a 催办', () => {
    expect(due(agenda({ reporting }), '2021-03-15')).toEqual([
      {
        kind: 'report-missed',
        taskId: 'task-1',
        cycle: 'weekly',
        periodStart: '2021-03-08',
        periodEnd: '2021-03-14',
        urge: { urgeId: 'report-2021-03-14', replyBy: '2021-03-18' },
      },
    ]);
  });

  it('does not count the week the task was assigned in (begun before its assignment)', () => {
    expect(due(agenda({ reporting }), '2021-03-08')).toEqual([]);
  });

  it('counts a report of the lead unit in the week', () => {
    const reported = agenda({ reporting: { ...reporting, lastReportOn: '2021-03-12' } });
    expect(due(reported, '2021-03-15')).toEqual([]);
  });

  it('records a missed week once', () => {
    const recorded = agenda({ reporting: { ...reporting, missed: ['2021-03-14'] } });
    expect(due(recorded, '2021-03-16')).toEqual([]);
  });

  it('is watched by nobody on milestones only', () => {
    const onMilestones = agenda({ reporting: { ...reporting, cycle: 'on_milestones' } });
    expect(due(onMilestones, '2021-03-15')).toEqual([]);
  });
});

describe('a 催办 with a reply-by', () => {
  it('is overdue the first working day after its reply-by, escalated to a blue slip to the unit', () => {
    expect(due(agenda({ urges: [urge()] }), '2021-03-10')).toEqual([]);
    const [candidate] = due(agenda({ urges: [urge()] }), '2021-03-11');
    expect(candidate).toMatchObject({
      kind: 'urge-overdue',
      urgeId: 'u1',
      limitDate: '2021-03-10',
      escalation: { noticeId: 'u1-blue', level: 'blue', replyDueDate: '2021-03-18' },
    });
  });

  it('answered by its reply-by stops the clock', () => {
    expect(due(agenda({ urges: [urge({ answeredOn: '2021-03-10' })] }), '2021-03-11')).toEqual([]);
  });

  it('answered late is still overdue', () => {
    const late = agenda({ urges: [urge({ answeredOn: '2021-03-11' })] });
    expect(due(late, '2021-03-11')).toMatchObject([{ kind: 'urge-overdue' }]);
  });
});

describe('a blue slip (督办单) not answered by its reply due date', () => {
  it('is escalated to a yellow slip, replied to within 3 working days', () => {
    expect(due(agenda({ notices: [notice()] }), '2021-03-11')).toEqual([
      {
        kind: 'notice-overdue',
        taskId: 'task-1',
        noticeId: 'n1',
        limitDate: '2021-03-10',
        escalation: {
          noticeId: 'n1-yellow',
          level: 'yellow',
          replyDueDate: '2021-03-16',
          subject: '黄色督办：督办单逾期未答复',
          body: '督办单 n1 逾期未答复，现发出黄色督办督办单，请于 2021-03-16 前书面答复办理情况。',
        },
      },
    ]);
  });

  it('whose yellow successor is unanswered too goes red, keeping the chain id short', () => {
    const yellow = notice({ noticeId: 'n1-yellow', level: 'yellow' });
    expect(due(agenda({ notices: [yellow] }), '2021-03-11')).toMatchObject([
      { escalation: { noticeId: 'n1-red', level: 'red' } },
    ]);
  });

  it('red is the top: recorded overdue, escalated no further', () => {
    const red = notice({ level: 'red' });
    expect(due(agenda({ notices: [red] }), '2021-03-11')).toMatchObject([
      { kind: 'notice-overdue', escalation: null },
    ]);
  });

  it('goes no higher than the ruleset allows', () => {
    const upToBlue = withLimits({ escalateUpTo: 'blue' });
    expect(due(agenda({ notices: [notice()] }), '2021-03-11', upToBlue)).toMatchObject([
      { escalation: null },
    ]);
  });

  it('is asked for once: the same fact under the same key on every later run', () => {
    const first = due(agenda({ notices: [notice()] }), '2021-03-11');
    const later = due(agenda({ notices: [notice()] }), '2021-03-12');
    expect(first.map(clockKey)).toEqual(later.map(clockKey));
    expect(due(agenda({ notices: [notice({ overdue: true })] }), '2021-03-12')).toEqual([]);
  });
});

describe('a task whose clock stands', () => {
  const busy = {
    signing: [signing()],
    urges: [urge()],
    notices: [notice()],
  };

  it.each([
    ['suspended', { suspended: true }],
    ['terminated', { terminated: true }],
    ['closed (办结)', { closed: true }],
  ])('gets nothing while %s', (_, state) => {
    expect(due(agenda({ ...busy, ...state }), '2021-03-12')).toEqual([]);
  });

  it('gets nothing on a day off', () => {
    expect(due(agenda(busy), '2021-03-13')).toEqual([]);
  });
});
