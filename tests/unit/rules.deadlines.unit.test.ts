import { addDays, daysBetween } from '../../domain/dates.ts';
import {
  dueSoonFrom,
  escalationDays,
  escalationLevel,
  isDueSoon,
  isOverdue,
  overdueFrom,
} from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

describe('day arithmetic', () => {
  it.each([
    ['2021-03-01', '2021-03-01', 0],
    ['2021-02-28', '2021-03-01', 1],
    ['2020-02-28', '2020-03-01', 2],
    ['2021-12-31', '2022-01-01', 1],
    ['2021-01-01', '2021-12-31', 364],
    ['2021-03-10', '2021-03-01', -9],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('refuses a day that does not exist, naming the field', () => {
    expect(() => daysBetween('2021-02-29', '2021-03-01', { from: 'day', to: 'dueDate' })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'day' }) }),
    );
    expect(() => addDays('2021-13-01', 1, 'dueDate')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'dueDate' }) }),
    );
  });
});

describe('a due-soon reminder for a milestone due 2021-04-10', () => {
  const dueDate = '2021-04-10';

  it('falls due 3 days before, by default', () => {
    expect(dueSoonFrom(dueDate, defaultRuleset)).toBe('2021-04-07');
  });

  it.each([
    ['2021-04-06', false, '4 days before'],
    ['2021-04-07', true, '3 days before'],
    ['2021-04-10', true, 'the day of the deadline'],
    ['2021-04-11', false, 'the day after: overdue instead'],
  ])('on %s is %p: %s', (day, dueSoon) => {
    expect(isDueSoon(dueDate, day, defaultRuleset)).toBe(dueSoon);
  });

  it('follows the lead time of the ruleset', () => {
    expect(dueSoonFrom(dueDate, { reminderLeadDays: 0 })).toBe(dueDate);
    expect(isDueSoon(dueDate, '2021-04-09', { reminderLeadDays: 0 })).toBe(false);
    expect(isDueSoon(dueDate, '2021-04-03', { reminderLeadDays: 7 })).toBe(true);
  });
});

describe('a milestone due 2021-03-31', () => {
  it('is recorded overdue from the day after', () => {
    expect(overdueFrom('2021-03-31')).toBe('2021-04-01');
  });

  it.each([
    ['2021-03-31', false],
    ['2021-04-01', true],
  ])('on %s is overdue: %p', (day, overdue) => {
    expect(isOverdue('2021-03-31', day)).toBe(overdue);
  });
});

describe('a blockage reported on 2021-03-01 and left open', () => {
  const since = '2021-03-01';

  it('falls due for escalation after 3 and 7 days, by default', () => {
    expect(escalationDays(since, defaultRuleset)).toEqual({
      responsibleLeader: '2021-03-04',
      mainLeader: '2021-03-08',
    });
  });

  it.each([
    ['2021-03-01', 'none'],
    ['2021-03-03', 'none'],
    ['2021-03-04', 'responsible_leader'],
    ['2021-03-07', 'responsible_leader'],
    ['2021-03-08', 'main_leader'],
    ['2021-06-01', 'main_leader'],
  ])('on %s has reached %s', (day, level) => {
    expect(escalationLevel(since, day, defaultRuleset)).toBe(level);
  });

  it('goes to the responsible leader the same day when the ruleset says 0 days', () => {
    const now = { escalation: { toResponsibleLeaderAfterDays: 0, toMainLeaderAfterDays: 1 } };
    expect(escalationLevel(since, since, now)).toBe('responsible_leader');
    expect(escalationLevel(since, '2021-03-02', now)).toBe('main_leader');
  });
});
