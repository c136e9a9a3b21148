import type { ServiceSchema } from 'moleculer';
import { rulesStreamId, workCalendarStreamId } from '../../contracts/streams.ts';
import { commandActions } from '../shared/command-actions.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { rulesetQueries } from './actions/rulesets.ts';
import { calendarQueries } from './actions/work-calendar.ts';
import { calendarDecider } from './domain/calendar-decider.ts';
import { rulesetDecider } from './domain/decider.ts';

/**
 * Versioned rulesets (规则版本): light thresholds, reminder lead time, escalation
 * and scoring, published by the office (`contracts/catalogue/rulesets.ts`) and
 * read by anyone who computes a board; and the years' working-day calendars.
 */
export const createRulesService = (deps: ServiceDeps): ServiceSchema => ({
  name: 'rules',
  actions: {
    ...commandActions(deps, 'rules', (operation) =>
      operation.command === 'PublishWorkCalendar'
        ? {
            decider: calendarDecider,
            streamId: (data) => workCalendarStreamId(Number(data.year)),
          }
        : { decider: rulesetDecider, streamId: () => rulesStreamId },
    ),
    ...rulesetQueries(deps),
    ...calendarQueries(deps),
  },
});
