import { validationError } from '../../../contracts/errors.ts';
import type { CalendarEvent, PublishedCalendar } from '../../../contracts/events/index.ts';
import { isWeekend } from '../../../domain/calendar/work-calendar.ts';
import type { Decider } from '../../shared/decider.ts';

/** Publishes a year's working-day calendar; its version follows the year's last. */
export type CalendarCommand = {
  type: 'PublishWorkCalendar';
  data: Omit<PublishedCalendar, 'version'>;
};

/** The decision state of a year's calendar stream: its last version (0: none yet). */
type CalendarState = { version: number };

/** The days of `field`, each once, in order, all in `year`. */
const daysOf = (field: string, days: readonly string[], year: number): string[] => {
  const sorted = [...new Set(days)].sort();
  if (sorted.length !== days.length) throw validationError(field, 'must name each day once');
  const outside = sorted.find((day) => !day.startsWith(`${year}-`));
  if (outside) throw validationError(field, `must be days of ${year} (${outside} is not)`);
  return sorted;
};

/** A year's calendar as the rules of a notice allow: days off and weekend days worked, apart. */
const checked = (data: CalendarCommand['data']): Omit<PublishedCalendar, 'version'> => {
  const holidays = daysOf('holidays', data.holidays, data.year);
  const workdays = daysOf('workdays', data.workdays, data.year);
  const both = workdays.find((day) => holidays.includes(day));
  if (both) throw validationError('workdays', `must not name a day off (${both})`);
  const weekday = workdays.find((day) => !isWeekend(day));
  if (weekday) {
    throw validationError(
      'workdays',
      `must be Saturdays or Sundays worked (${weekday} is a weekday)`,
    );
  }
  return { year: data.year, holidays, workdays, source: data.source };
};

/** A year's working-day calendars (stream `work-calendar-<year>`), version after version. */
export const calendarDecider: Decider<CalendarCommand, CalendarEvent, CalendarState> = {
  initialState: () => ({ version: 0 }),
  evolve: (state, event) =>
    event.type === 'WorkCalendarPublished' ? { version: event.data.version } : state,
  decide: (command, state) => [
    {
      type: 'WorkCalendarPublished',
      data: { ...checked(command.data), version: state.version + 1 },
    },
  ],
};
