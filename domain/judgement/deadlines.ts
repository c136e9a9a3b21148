import type { Ruleset } from '../../contracts/events/index.ts';
import { addDays, daysBetween } from '../dates.ts';

/** The first day the due-soon reminder is due: `reminderLeadDays` before the due date. */
export const dueSoonFrom = (dueDate: string, ruleset: Pick<Ruleset, 'reminderLeadDays'>): string =>
  addDays(dueDate, -ruleset.reminderLeadDays, 'dueDate');

/** Due soon on `day`: from `dueSoonFrom` up to the due date itself. */
export const isDueSoon = (
  dueDate: string,
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
): boolean => {
  const daysLeft = daysBetween(day, dueDate, { from: 'day', to: 'dueDate' });
  return daysLeft >= 0 && daysLeft <= ruleset.reminderLeadDays;
};

/** "Overdue recorded the day after" the due date (DESIGN §4). */
export const overdueFrom = (dueDate: string): string => addDays(dueDate, 1, 'dueDate');

/** Overdue on `day` (when not done): any day after the due date. */
export const isOverdue = (dueDate: string, day: string): boolean =>
  daysBetween(day, dueDate, { from: 'day', to: 'dueDate' }) < 0;

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
