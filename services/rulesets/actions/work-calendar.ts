import type { ServiceSchema } from 'moleculer';
import { workCalendarInput } from '../../../contracts/catalogue/rulesets.ts';
import type { CalendarEvent } from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { workCalendarStreamId } from '../../../contracts/streams.ts';
import { calendarInForce } from '../../../domain/calendar/state-council.ts';
import type { WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { parseInput } from '../../shared/validate.ts';

/** A year's working-day calendar in force, from its latest publication (`calendarInForce`). */
export const calendarOf = async (
  eventStore: EventStore,
  year: number,
): Promise<WorkCalendar | null> => {
  const published = (
    await eventStore.readStream(workCalendarStreamId(year), { direction: 'backwards', limit: 1 })
  )
    .map((stored) => toDomainEvent<CalendarEvent>(stored).data)
    .at(0);
  return calendarInForce(published, year);
};

/** Working-day calendars (工作日历) as anyone who counts a time limit reads them. */
export const calendarQueries = (deps: ServiceDeps): ServiceSchema['actions'] => ({
  workCalendar: guarded('workCalendar', async (ctx) => {
    const { year } = parseInput(workCalendarInput, ctx.params);
    const calendar = await calendarOf(deps.eventStore, year);
    return calendar
      ? { ...calendar, known: true }
      : { year, holidays: [], workdays: [], source: null, version: null, known: false };
  }),
});
