import type { ClockCandidate } from '../../services/supervision/clock/candidates.ts';
import { clockActor, clockCommand, clockKey } from '../../services/supervision/clock/commands.ts';

const remind: ClockCandidate = {
  kind: 'remind',
  taskId: 't1',
  milestoneId: 'm1',
  dueDate: '2021-06-30',
  limitDate: '2021-06-30',
  leadDays: 3,
};
const overdue: ClockCandidate = {
  kind: 'overdue',
  taskId: 't1',
  milestoneId: 'm1',
  dueDate: '2021-06-30',
  limitDate: '2021-06-30',
};
const escalate: ClockCandidate = { kind: 'escalate', taskId: 't1', blockageId: 'b1', level: 2 };

describe('the command a clock candidate asks for', () => {
  it('reminds of a milestone with the lead time in force', () => {
    expect(clockCommand(remind)).toEqual({
      type: 'RemindMilestoneDueSoon',
      data: { taskId: 't1', milestoneId: 'm1', leadDays: 3, limitDate: '2021-06-30' },
    });
  });

  it('records a milestone overdue', () => {
    expect(clockCommand(overdue)).toEqual({
      type: 'RecordMilestoneOverdue',
      data: { taskId: 't1', milestoneId: 'm1', limitDate: '2021-06-30' },
    });
  });

  it('escalates a blockage to the level due', () => {
    expect(clockCommand(escalate)).toEqual({
      type: 'EscalateBlockage',
      data: { taskId: 't1', blockageId: 'b1', level: 2 },
    });
  });

  it('is sent as the system clock', () => {
    expect(clockActor).toEqual({ id: 'clock', role: 'system' });
  });
});

describe('the idempotency key of a clock fact', () => {
  it('names the fact: task, milestone and due date, or blockage and level', () => {
    expect(clockKey(remind)).toBe('clock|remind|t1|m1|2021-06-30');
    expect(clockKey(overdue)).toBe('clock|overdue|t1|m1|2021-06-30');
    expect(clockKey(escalate)).toBe('clock|escalate|t1|b1|2');
  });

  it('does not depend on the lead time, so a new ruleset cannot remind twice', () => {
    expect(clockKey({ ...remind, leadDays: 5 })).toBe(clockKey(remind));
  });

  it('differs for a new due date, so an extended milestone is reminded again', () => {
    expect(clockKey({ ...remind, dueDate: '2021-07-31' })).not.toBe(clockKey(remind));
  });

  it('differs between the two levels of one blockage', () => {
    expect(clockKey({ ...escalate, level: 1 })).not.toBe(clockKey(escalate));
  });
});
