import type { Ruleset } from '../../../contracts/events/index.ts';
import type { EscalationLevel } from '../../../contracts/events/task-events.ts';
import { type Calendars, isWorkingDay } from '../../../domain/calendar/work-calendar.ts';
import type { ClockAgendaItem } from '../../../projections/clock-agenda/projection.ts';
import { blockageCandidates } from './blockage-candidates.ts';
import { milestoneCandidates } from './milestone-candidates.ts';

/** A fact the clock asks the task aggregate to record today. */
export type ClockCandidate =
  | {
      kind: 'remind';
      taskId: string;
      milestoneId: string;
      dueDate: string;
      limitDate: string;
      leadDays: number;
    }
  | { kind: 'overdue'; taskId: string; milestoneId: string; dueDate: string; limitDate: string }
  | { kind: 'escalate'; taskId: string; blockageId: string; level: EscalationLevel };

export type ClockCandidateKind = ClockCandidate['kind'];

/**
 * Everything the agenda says is due on `day` under `ruleset`, task by task in id
 * order. The clock records on working days only (`calendars`): what falls due
 * on a day off is recorded on the next working day. A terminated task gets
 * nothing; a suspended one's clock stands still (no reminder, overdue or
 * escalation until it is resumed).
 */
export const clockCandidates = (
  items: readonly ClockAgendaItem[],
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays' | 'escalation'>,
  calendars: Calendars,
): ClockCandidate[] => {
  if (!isWorkingDay(calendars, day)) return [];
  return [...items]
    .sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0))
    .filter((item) => !item.terminated && !item.suspended)
    .flatMap((item) => [
      ...milestoneCandidates(item, day, ruleset, calendars),
      ...blockageCandidates(item, day, ruleset),
    ]);
};
