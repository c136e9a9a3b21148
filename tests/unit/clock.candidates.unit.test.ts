import type { Ruleset } from '../../contracts/events/index.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import type {
  AgendaBlockage,
  AgendaMilestone,
  ClockAgendaItem,
} from '../../projections/clock-agenda/projection.ts';
import { clockCandidates } from '../../services/supervision/clock/candidates.ts';

const milestone = (overrides: Partial<AgendaMilestone> = {}): AgendaMilestone => ({
  milestoneId: 'm1',
  dueDate: '2021-06-30',
  completed: false,
  remindedFor: [],
  overdueFor: [],
  ...overrides,
});

const blockage = (overrides: Partial<AgendaBlockage> = {}): AgendaBlockage => ({
  blockageId: 'b1',
  open: true,
  openSince: '2021-03-01',
  level: 0,
  ...overrides,
});

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

const withLead = (reminderLeadDays: number): Ruleset => ({ ...defaultRuleset, reminderLeadDays });

/**
 * The candidates of one task's agenda on `day`, under the default rules unless
 * given, by the 2021 working-day calendar (State Council notice).
 */
const due = (item: ClockAgendaItem, day: string, ruleset: Ruleset = defaultRuleset) =>
  clockCandidates([item], day, ruleset, shippedCalendars);

describe('a milestone due soon (Wednesday 2021-06-30), with a reminder lead of 3 working days', () => {
  const item = agenda({ milestones: [milestone({ dueDate: '2021-06-30' })] });

  it('is not reminded 4 working days before its due date', () => {
    expect(due(item, '2021-06-24', withLead(3))).toEqual([]);
  });

  it('is reminded 3 working days before (the Friday before), with the lead time in force', () => {
    expect(due(item, '2021-06-25', withLead(3))).toEqual([
      {
        kind: 'remind',
        taskId: 'task-1',
        milestoneId: 'm1',
        dueDate: '2021-06-30',
        limitDate: '2021-06-30',
        leadDays: 3,
      },
    ]);
  });

  it('is not reminded on the weekend between: the clock records on working days', () => {
    expect(due(item, '2021-06-26')).toEqual([]);
    expect(due(item, '2021-06-27')).toEqual([]);
    expect(due(item, '2021-06-28')).toEqual([expect.objectContaining({ kind: 'remind' })]);
  });

  it('is still reminded on the due date itself when no reminder was recorded yet', () => {
    expect(due(item, '2021-06-30')).toEqual([expect.objectContaining({ kind: 'remind' })]);
  });

  it('is reminded 5 working days before under a ruleset with a lead of 5', () => {
    expect(due(item, '2021-06-23', withLead(5))).toEqual([
      expect.objectContaining({ kind: 'remind', leadDays: 5 }),
    ]);
    expect(due(item, '2021-06-22', withLead(5))).toEqual([]);
  });
});

describe('a milestone due on a holiday (2021-10-04, National Day: off 10-01 to 10-07)', () => {
  const item = agenda({ milestones: [milestone({ dueDate: '2021-10-04' })] });
  const overdue = {
    kind: 'overdue',
    taskId: 'task-1',
    milestoneId: 'm1',
    dueDate: '2021-10-04',
    limitDate: '2021-10-08',
  };

  it('has its limit run to the first working day after it, 10-08', () => {
    expect(due(item, '2021-10-08')).toEqual([
      expect.objectContaining({ kind: 'remind', limitDate: '2021-10-08' }),
    ]);
  });

  it('is reminded 3 working days before the limit, before the holiday (09-28)', () => {
    expect(due(item, '2021-09-27')).toEqual([]);
    expect(due(item, '2021-09-28')).toEqual([
      expect.objectContaining({ kind: 'remind', dueDate: '2021-10-04', limitDate: '2021-10-08' }),
    ]);
  });

  it('is recorded neither reminded nor overdue during the holiday', () => {
    for (const day of ['2021-10-01', '2021-10-04', '2021-10-05', '2021-10-07']) {
      expect(due(item, day)).toEqual([]);
    }
  });

  it('is not overdue on its limit, and overdue on the working Saturday after it (10-09)', () => {
    const reminded = agenda({
      milestones: [milestone({ dueDate: '2021-10-04', remindedFor: ['2021-10-04'] })],
    });
    expect(due(reminded, '2021-10-08')).toEqual([]);
    expect(due(reminded, '2021-10-09')).toEqual([overdue]);
  });
});

describe('a milestone already reminded of', () => {
  it('is not reminded again for the same due date', () => {
    const reminded = milestone({ remindedFor: ['2021-06-30'] });
    expect(due(agenda({ milestones: [reminded] }), '2021-06-29')).toEqual([]);
  });

  it('is reminded again once an extension moved its due date', () => {
    const extended = milestone({ dueDate: '2021-07-15', remindedFor: ['2021-06-30'] });
    expect(due(agenda({ milestones: [extended] }), '2021-07-13')).toEqual([
      expect.objectContaining({ kind: 'remind', dueDate: '2021-07-15' }),
    ]);
  });
});

describe('a milestone at its deadline', () => {
  const item = agenda({ milestones: [milestone({ remindedFor: ['2021-06-30'] })] });

  it('is not overdue on the due date itself', () => {
    expect(due(item, '2021-06-30')).toEqual([]);
  });

  it('is overdue the day after its due date', () => {
    expect(due(item, '2021-07-01')).toEqual([
      {
        kind: 'overdue',
        taskId: 'task-1',
        milestoneId: 'm1',
        dueDate: '2021-06-30',
        limitDate: '2021-06-30',
      },
    ]);
  });

  it('is overdue, not reminded, when the clock first runs after the due date', () => {
    const neverReminded = agenda({ milestones: [milestone()] });
    expect(due(neverReminded, '2021-07-09').map((c) => c.kind)).toEqual(['overdue']);
  });

  it('is not recorded overdue twice for the same due date', () => {
    const recorded = milestone({ overdueFor: ['2021-06-30'] });
    expect(due(agenda({ milestones: [recorded] }), '2021-07-02')).toEqual([]);
  });
});

describe('a completed milestone', () => {
  const item = agenda({ milestones: [milestone({ completed: true })] });

  it('is never reminded', () => {
    expect(due(item, '2021-06-28')).toEqual([]);
  });

  it('is never overdue', () => {
    expect(due(item, '2021-07-01')).toEqual([]);
  });
});

describe('an open blockage, escalated after 3 and 7 days by default', () => {
  const item = agenda({ blockages: [blockage({ openSince: '2021-03-01' })] });

  it('stays where it is on day N−1', () => {
    expect(due(item, '2021-03-03')).toEqual([]);
  });

  it('goes to the responsible leader (level 1) on day N', () => {
    expect(due(item, '2021-03-04')).toEqual([
      { kind: 'escalate', taskId: 'task-1', blockageId: 'b1', level: 1 },
    ]);
  });

  it('goes no further before the second level is due', () => {
    const atOne = agenda({ blockages: [blockage({ level: 1 })] });
    expect(due(atOne, '2021-03-05')).toEqual([]);
  });

  it('goes to the main leader (level 2) on the second level’s day', () => {
    const atOne = agenda({ blockages: [blockage({ level: 1 })] });
    expect(due(atOne, '2021-03-08')).toEqual([
      { kind: 'escalate', taskId: 'task-1', blockageId: 'b1', level: 2 },
    ]);
  });

  it('goes through both levels in order when the clock missed the first day', () => {
    expect(due(item, '2021-03-22').map((c) => c.kind === 'escalate' && c.level)).toEqual([1, 2]);
  });

  it('goes nowhere once at the main leader', () => {
    expect(due(agenda({ blockages: [blockage({ level: 2 })] }), '2021-04-01')).toEqual([]);
  });

  it('follows the escalation days of the ruleset in force', () => {
    const slow: Ruleset = {
      ...defaultRuleset,
      escalation: { toResponsibleLeaderAfterDays: 5, toMainLeaderAfterDays: 10 },
    };
    expect(due(item, '2021-03-05', slow)).toEqual([]);
    // Due on Saturday 03-06: recorded on the next working day.
    expect(due(item, '2021-03-06', slow)).toEqual([]);
    expect(due(item, '2021-03-08', slow)).toEqual([expect.objectContaining({ level: 1 })]);
  });
});

describe('a resolved blockage', () => {
  it('is never escalated', () => {
    expect(due(agenda({ blockages: [blockage({ open: false })] }), '2021-04-01')).toEqual([]);
  });
});

describe('a task whose clock does not run', () => {
  const busy = {
    milestones: [milestone()],
    blockages: [blockage()],
  };

  it('gets nothing while suspended', () => {
    expect(due(agenda({ ...busy, suspended: true }), '2021-07-01')).toEqual([]);
  });

  it('gets nothing once terminated', () => {
    expect(due(agenda({ ...busy, terminated: true }), '2021-07-01')).toEqual([]);
  });

  it('gets both kinds of fact when running', () => {
    expect(due(agenda(busy), '2021-07-01').map((c) => c.kind)).toEqual([
      'overdue',
      'escalate',
      'escalate',
    ]);
  });
});

describe('candidates of several tasks', () => {
  it('come task by task in id order, whatever order the agenda was read in', () => {
    const b = agenda({ id: 'b', taskId: 'b', milestones: [milestone()] });
    const a = agenda({ id: 'a', taskId: 'a', milestones: [milestone()] });
    const taskIds = clockCandidates([b, a], '2021-07-01', defaultRuleset, shippedCalendars).map(
      (c) => c.taskId,
    );
    expect(taskIds).toEqual(['a', 'b']);
  });
});
