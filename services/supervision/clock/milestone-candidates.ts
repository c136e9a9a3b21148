import type { Ruleset } from '../../../contracts/events/index.ts';
import { isDueSoon, isOverdue } from '../../../domain/judgement/index.ts';
import type {
  AgendaMilestone,
  ClockAgendaItem,
} from '../../../projections/clock-agenda/projection.ts';
import type { ClockCandidate } from './candidates.ts';

/**
 * What one milestone is due for on `day`: overdue from the day after its due date,
 * else a reminder from `reminderLeadDays` before it up to the due date itself;
 * each once per due date, so an extended date is reminded and overdue anew.
 */
const milestoneCandidate = (
  taskId: string,
  milestone: AgendaMilestone,
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
): ClockCandidate | null => {
  const { milestoneId, dueDate } = milestone;
  if (milestone.completed) return null;
  if (isOverdue(dueDate, day)) {
    return milestone.overdueFor.includes(dueDate)
      ? null
      : { kind: 'overdue', taskId, milestoneId, dueDate };
  }
  if (!isDueSoon(dueDate, day, ruleset) || milestone.remindedFor.includes(dueDate)) return null;
  return { kind: 'remind', taskId, milestoneId, dueDate, leadDays: ruleset.reminderLeadDays };
};

/** The reminders and overdue facts one task's milestones are due for on `day`. */
export const milestoneCandidates = (
  item: ClockAgendaItem,
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays'>,
): ClockCandidate[] =>
  item.milestones.flatMap((milestone) => {
    const candidate = milestoneCandidate(item.taskId, milestone, day, ruleset);
    return candidate ? [candidate] : [];
  });
