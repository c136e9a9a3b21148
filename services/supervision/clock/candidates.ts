import type { Ruleset } from '../../../contracts/events/index.ts';
import type {
  EscalationLevel,
  ReportingCycle,
  TaskLightColour,
} from '../../../contracts/events/task-events.ts';
import { type Calendars, isWorkingDay } from '../../../domain/calendar/work-calendar.ts';
import type { ClockAgendaItem } from '../../../projections/clock-agenda/projection.ts';
import type { Escalation } from '../../tasks/domain/commands.ts';
import { blockageCandidates } from './blockage-candidates.ts';
import { lightCandidate } from './light-candidates.ts';
import { milestoneCandidates } from './milestone-candidates.ts';
import { timeLimitCandidates } from './time-limit-candidates.ts';

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
  | { kind: 'escalate'; taskId: string; blockageId: string; level: EscalationLevel }
  | {
      kind: 'remind-signing';
      taskId: string;
      unitId: string;
      assignedOn: string;
      limitDate: string;
    }
  | {
      kind: 'urge-signing';
      taskId: string;
      unitId: string;
      assignedOn: string;
      urgeId: string;
      replyBy: string;
    }
  | {
      kind: 'report-missed';
      taskId: string;
      cycle: ReportingCycle;
      periodStart: string;
      periodEnd: string;
      urge: { urgeId: string; replyBy: string } | null;
    }
  | {
      kind: 'urge-overdue';
      taskId: string;
      urgeId: string;
      limitDate: string;
      escalation: Escalation | null;
    }
  | {
      kind: 'notice-overdue';
      taskId: string;
      noticeId: string;
      limitDate: string;
      escalation: Escalation | null;
    }
  | {
      kind: 'light';
      taskId: string;
      /** The day judged: the fact is this day's, once. */
      day: string;
      /** The light last recorded, as the agenda knows it; the task records its own. */
      from: TaskLightColour;
      light: TaskLightColour;
      reasons: string[];
      actual: number;
      expected: number;
      rulesetVersion: number;
    };

export type ClockCandidateKind = ClockCandidate['kind'];

/**
 * Everything the agenda says is due on `day` under `ruleset`, task by task in id
 * order. The clock records on working days only (`calendars`): what falls due
 * on a day off is recorded on the next working day. A terminated task gets
 * nothing; a suspended one's clock stands still (no reminder, overdue or
 * escalation until it is resumed), and so do its time limits (签收, reports,
 * replies), which end when it is closed (办结). Each running task's light is
 * judged for the day, a change from the last recorded being a fact (a closed
 * task turns green once, then stays so).
 */
export const clockCandidates = (
  items: readonly ClockAgendaItem[],
  day: string,
  ruleset: Pick<Ruleset, 'version' | 'lights' | 'reminderLeadDays' | 'escalation' | 'timeLimits'>,
  calendars: Calendars,
): ClockCandidate[] => {
  if (!isWorkingDay(calendars, day)) return [];
  return [...items]
    .sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0))
    .filter((item) => !item.terminated && !item.suspended)
    .flatMap((item) => [
      ...milestoneCandidates(item, day, ruleset, calendars),
      ...blockageCandidates(item, day, ruleset),
      ...timeLimitCandidates(item, day, ruleset, calendars),
      ...lightCandidate(item, day, ruleset, calendars),
    ]);
};
