import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { limitOf } from '../../domain/calendar/work-calendar.ts';
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

const calendars = shippedCalendars;

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

  it('gives the same answers from the days it remembers, past the number it keeps', () => {
    // 60,000 days from 1990, each against the calendar's own arithmetic, twice:
    // the second pass reads what the first remembered, or converts again once it was let go.
    const wrong: string[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (let n = 0; n < 60_000; n++) {
        const day = new Date(Date.UTC(1990, 0, 1 + n)).toISOString().slice(0, 10);
        if (daysBetween('1990-01-01', day) !== n || addDays('1990-01-01', n) !== day) {
          wrong.push(day);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    // A bad day is refused however many good ones were remembered.
    expect(() => daysBetween('2021-02-30', '2021-03-01')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'from' }) }),
    );
  });
});

describe('a due-soon reminder for a milestone due Friday 2021-04-16', () => {
  const limit = '2021-04-16';

  it('falls due 3 working days before, by default', () => {
    expect(dueSoonFrom(limit, defaultRuleset, calendars)).toBe('2021-04-13');
  });

  it.each([
    ['2021-04-12', false, '4 working days before'],
    ['2021-04-13', true, '3 working days before'],
    ['2021-04-16', true, 'the day of the deadline'],
    ['2021-04-17', false, 'the day after: overdue instead'],
  ])('on %s is %p: %s', (day, dueSoon) => {
    expect(isDueSoon(limit, day, defaultRuleset, calendars)).toBe(dueSoon);
  });

  it('follows the lead time of the ruleset', () => {
    expect(dueSoonFrom(limit, { reminderLeadDays: 0 }, calendars)).toBe(limit);
    expect(isDueSoon(limit, '2021-04-15', { reminderLeadDays: 0 }, calendars)).toBe(false);
    // 7 working days before Friday 04-16: Wednesday 04-07.
    expect(isDueSoon(limit, '2021-04-07', { reminderLeadDays: 7 }, calendars)).toBe(true);
    expect(isDueSoon(limit, '2021-04-06', { reminderLeadDays: 7 }, calendars)).toBe(false);
  });
});

describe('a due-soon reminder over a weekend (limit Monday 2021-04-12)', () => {
  it('starts 3 working days before, on the Wednesday', () => {
    expect(dueSoonFrom('2021-04-12', defaultRuleset, calendars)).toBe('2021-04-07');
  });

  it('falls on no day off: not on the Saturday or Sunday', () => {
    expect(isDueSoon('2021-04-12', '2021-04-10', defaultRuleset, calendars)).toBe(false);
    expect(isDueSoon('2021-04-12', '2021-04-11', defaultRuleset, calendars)).toBe(false);
    expect(isDueSoon('2021-04-12', '2021-04-09', defaultRuleset, calendars)).toBe(true);
  });
});

describe('a milestone due 2021-03-31', () => {
  it('is recorded overdue from the day after', () => {
    expect(overdueFrom('2021-03-31', calendars)).toBe('2021-04-01');
  });

  it.each([
    ['2021-03-31', false],
    ['2021-04-01', true],
  ])('on %s is overdue: %p', (day, overdue) => {
    expect(isOverdue('2021-03-31', day)).toBe(overdue);
  });
});

describe('a milestone due on a day off', () => {
  it('due Saturday 2021-04-10: its limit runs to Monday 04-12, overdue recorded on 04-13', () => {
    expect(limitOf(calendars, '2021-04-10')).toBe('2021-04-12');
    expect(overdueFrom(limitOf(calendars, '2021-04-10'), calendars)).toBe('2021-04-13');
  });

  it('due 2021-10-04 (National Day): its limit is 10-08, done then is on time', () => {
    const limit = limitOf(calendars, '2021-10-04');
    expect(limit).toBe('2021-10-08');
    expect(isOverdue(limit, '2021-10-08')).toBe(false);
    // Saturday 10-09 is worked (调休): the overdue fact falls on it.
    expect(overdueFrom(limit, calendars)).toBe('2021-10-09');
  });

  it('due on the last working day before a holiday: recorded overdue after the holiday', () => {
    expect(overdueFrom('2021-09-30', calendars)).toBe('2021-10-08');
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
