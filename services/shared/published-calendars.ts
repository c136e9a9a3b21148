import { dayOf } from '../../contracts/dates.ts';
import type { CalendarEvent, PublishedCalendar } from '../../contracts/events/index.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import { workCalendarStreamId } from '../../contracts/streams.ts';
import type { EventStore } from '../../infra/event-store/port.ts';

/** A calendar version as published: when (log position, recording day) and what. */
export interface CalendarPublication {
  position: number;
  recordedOn: string;
  calendar: PublishedCalendar;
}

/**
 * Every version the office published of the calendars of `years`, in log
 * order: one short stream per year (`work-calendar-<year>`), never the log.
 */
export const readCalendarPublications = async (
  eventStore: EventStore,
  years: readonly number[],
): Promise<CalendarPublication[]> => {
  const streams = await Promise.all(
    [...new Set(years)].map((year) => eventStore.readStream(workCalendarStreamId(year))),
  );
  return streams
    .flat()
    .sort((a, b) => a.position - b.position)
    .map((stored) => ({
      position: stored.position,
      recordedOn: dayOf(stored.recordedAt),
      calendar: toDomainEvent<CalendarEvent>(stored).data,
    }));
};

/** The years whose calendars a deadline near `day` may need: the year before to the year after. */
export const yearsAround = (day: string): number[] => {
  const year = Number(day.slice(0, 4));
  return [year - 1, year, year + 1];
};

/**
 * The years whose calendars the deadlines of `tasks` may need: from the first
 * planned start to the year after the last due date (a limit may run into it).
 * Milestone and extended dates lie within their task's span.
 */
export const yearsOfTasks = (tasks: Iterable<Record<string, unknown>>): number[] => {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const task of tasks) {
    for (const date of [task.plannedStart, task.dueDate]) {
      if (typeof date !== 'string') continue;
      const year = Number(date.slice(0, 4));
      first = Math.min(first, year);
      last = Math.max(last, year);
    }
  }
  const years: number[] = [];
  for (let year = first; year <= last + 1; year++) years.push(year);
  return years;
};

/**
 * The versions published of the calendars a limit near `day` may need (the
 * year before to the year after), in the order they were: `calendarsInForce`
 * makes them the calendars in force.
 */
export const publishedNear = async (
  eventStore: EventStore,
  day: string,
): Promise<PublishedCalendar[]> =>
  (await readCalendarPublications(eventStore, yearsAround(day))).map((one) => one.calendar);
