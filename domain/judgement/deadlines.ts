import type { Ruleset } from '../../contracts/events/index.ts';
import {
  type Calendars,
  isWorkingDay,
  nextWorkingDay,
  subtractWorkingDays,
} from '../calendar/work-calendar.ts';
import { addDays, daysBetween } from '../dates.ts';

/**
 * The first day the due-soon reminder is due: `reminderLeadDays` working days
 * before the limit (`limitOf`: the due date, or the first working day after it).
 */
export const dueSoonFrom = (
  limit: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
  calendars: Calendars,
): string => subtractWorkingDays(calendars, limit, ruleset.reminderLeadDays);

/**
 * Due soon on `day`: a working day from `dueSoonFrom` up to the limit itself.
 * Reminders fall on working days: one due on a day off waits for the next.
 */
export const isDueSoon = (
  limit: string,
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
  calendars: Calendars,
): boolean =>
  isWorkingDay(calendars, day) && day >= dueSoonFrom(limit, ruleset, calendars) && day <= limit;

/**
 * The day the overdue fact is recorded: the first working day after the limit
 * (DESIGN §4: "overdue recorded the day after" the limit, on a working day).
 */
export const overdueFrom = (limit: string, calendars: Calendars): string =>
  nextWorkingDay(calendars, addDays(limit, 1, 'dueDate'));

/** Overdue on `day` (when not done): any day after the limit. */
export const isOverdue = (limit: string, day: string): boolean =>
  daysBetween(day, limit, { from: 'day', to: 'dueDate' }) < 0;

/** How far up an open blockage (堵点) has gone: 分管领导, then 主要领导. */
export type EscalationLevel = 'none' | 'responsible_leader' | 'main_leader';

/** The days each escalation falls due for a blockage open since `blockedSince`. */
export const escalationDays = (
  blockedSince: string,
  ruleset: Pick<Ruleset, 'escalation'>,
): { responsibleLeader: string; mainLeader: string } => ({
  responsibleLeader: addDays(
    blockedSince,
    ruleset.escalation.toResponsibleLeaderAfterDays,
    'blockedSince',
  ),
  mainLeader: addDays(blockedSince, ruleset.escalation.toMainLeaderAfterDays, 'blockedSince'),
});

/**
 * The level an unresolved blockage reported on `blockedSince` has reached on
 * `day`: after N days means on the N-th day after it was reported (reported
 * 03-01, "after 3 days" → 03-04).
 */
export const escalationLevel = (
  blockedSince: string,
  day: string,
  ruleset: Pick<Ruleset, 'escalation'>,
): EscalationLevel => {
  const waited = daysBetween(blockedSince, day, { from: 'blockedSince', to: 'day' });
  if (waited >= ruleset.escalation.toMainLeaderAfterDays) return 'main_leader';
  if (waited >= ruleset.escalation.toResponsibleLeaderAfterDays) return 'responsible_leader';
  return 'none';
};
