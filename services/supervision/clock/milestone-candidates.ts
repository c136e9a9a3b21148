import type { Ruleset } from '../../../contracts/events/index.ts';
import { type Calendars, limitOf } from '../../../domain/calendar/work-calendar.ts';
import { isDueSoon, isOverdue } from '../../../domain/judgement/index.ts';
import type {
  AgendaMilestone,
  ClockAgendaItem,
} from '../../../projections/clock-agenda/projection.ts';
import type { ClockCandidate } from './candidates.ts';

/**
 * What one milestone is due for on `day` (a working day): overdue after its
 * limit (the due date, or the first working day after it), else a reminder
 * from `reminderLeadDays` working days before the limit up to the limit itself;
 * each once per due date, so an extended date is reminded and overdue anew.
 */
const milestoneCandidate = (
  taskId: string,
  milestone: AgendaMilestone,
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
  calendars: Calendars,
): ClockCandidate | null => {
  const { milestoneId, dueDate } = milestone;
  if (milestone.completed) return null;
  const limitDate = limitOf(calendars, dueDate);
  if (isOverdue(limitDate, day)) {
    return milestone.overdueFor.includes(dueDate)
      ? null
      : { kind: 'overdue', taskId, milestoneId, dueDate, limitDate };
  }
  const due = isDueSoon(limitDate, day, ruleset, calendars);
  if (!due || milestone.remindedFor.includes(dueDate)) return null;
  const leadDays = ruleset.reminderLeadDays;
  return { kind: 'remind', taskId, milestoneId, dueDate, limitDate, leadDays };
};

/** The reminders and overdue facts one task's milestones are due for on `day`. */
export const milestoneCandidates = (
  item: ClockAgendaItem,
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
  calendars: Calendars,
): ClockCandidate[] =>
  item.milestones.flatMap((milestone) => {
    const candidate = milestoneCandidate(item.taskId, milestone, day, ruleset, calendars);
    return candidate ? [candidate] : [];
  });
