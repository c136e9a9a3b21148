import type { Ruleset } from '../../../contracts/events/index.ts';
import { addWorkingDays, type Calendars } from '../../../domain/calendar/work-calendar.ts';
import { addDays } from '../../../domain/dates.ts';
import type { Filter } from '../../../infra/read-model-store/port.ts';

/** Tasks whose clock runs: neither terminated nor suspended. */
const running: Filter = { terminated: false, suspended: false };

/**
 * Tasks whose light may change: every running task not done with green
 * recorded. As many as the running tasks, so a run reads them page by page
 * (`litAgendaPages`), never at once.
 */
export const litFilter: Filter = { ...running, lit: true };

/**
 * The agenda queries of a run on `day`: tasks with a milestone due within the
 * reminder lead time in working days (or past due: a due date is never after
 * its limit), and tasks with a blockage waiting at least as long as the first
 * escalation needs, and tasks with a time limit watched (签收, reports,
 * replies). A superset of what is due: the candidates are chosen from these
 * documents and the lit ones (`litFilter`), the rest is never read.
 */
export const agendaFilters = (
  day: string,
  ruleset: Pick<Ruleset, 'reminderLeadDays' | 'escalation'>,
  calendars: Calendars,
): Filter[] => {
  // A ruleset escalates to the responsible leader before the main leader
  // (services/rulesets/domain/validate.ts).
  const firstEscalation = ruleset.escalation.toResponsibleLeaderAfterDays;
  return [
    {
      ...running,
      nextDueDate: { $lte: addWorkingDays(calendars, day, ruleset.reminderLeadDays) },
    },
    { ...running, waitingSince: { $lte: addDays(day, -firstEscalation) } },
    // Signing, reports and replies: few tasks at a time, each checked in memory.
    { ...running, watching: true },
  ];
};
