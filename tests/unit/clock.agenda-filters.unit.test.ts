import type { Ruleset } from '../../contracts/events/index.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { agendaFilters } from '../../services/supervision/clock/agenda-filters.ts';

describe('the agenda a clock run reads', () => {
  it('asks for running tasks with a milestone due within the lead time, or past due', () => {
    const [milestones] = agendaFilters('2021-06-27', defaultRuleset, shippedCalendars);
    expect(milestones).toEqual({
      terminated: false,
      suspended: false,
      nextDueDate: { $lte: '2021-06-30' },
    });
  });

  it('asks for running tasks with a blockage waiting as long as the first escalation needs', () => {
    const [, blockages] = agendaFilters('2021-03-04', defaultRuleset, shippedCalendars);
    expect(blockages).toEqual({
      terminated: false,
      suspended: false,
      waitingSince: { $lte: '2021-03-01' },
    });
  });

  it('follows the ruleset in force: a longer lead reaches further ahead', () => {
    const ruleset: Ruleset = { ...defaultRuleset, reminderLeadDays: 5 };
    expect(agendaFilters('2021-06-23', ruleset, shippedCalendars)[0]?.nextDueDate).toEqual({
      $lte: '2021-06-30',
    });
  });

  it('counts the lead in working days: before National Day it reaches past the holiday', () => {
    // 3 working days after 09-29: 09-30, then 10-08 and the working Saturday 10-09.
    expect(agendaFilters('2021-09-29', defaultRuleset, shippedCalendars)[0]?.nextDueDate).toEqual({
      $lte: '2021-10-09',
    });
  });

  it('follows the ruleset in force: a later first escalation reaches further back', () => {
    const ruleset: Ruleset = {
      ...defaultRuleset,
      escalation: { toResponsibleLeaderAfterDays: 9, toMainLeaderAfterDays: 12 },
    };
    expect(agendaFilters('2021-03-10', ruleset, shippedCalendars)[1]?.waitingSince).toEqual({
      $lte: '2021-03-01',
    });
  });
});
