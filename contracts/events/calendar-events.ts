/**
 * A year's working-day calendar (工作日历) as the office publishes it, following
 * the State Council's notice on the year's holidays; each publication of a year
 * is a new version, the latest in force. Stream `work-calendar-<year>`.
 */
export interface PublishedCalendar {
  year: number;
  /** Days off (放假), `YYYY-MM-DD`, sorted. */
  holidays: string[];
  /** Saturdays and Sundays worked (调休上班), `YYYY-MM-DD`, sorted. */
  workdays: string[];
  /** The notice it follows (title, number, date). */
  source: string;
  /** 1 for the year's first publication, then one more each time. */
  version: number;
}

export type CalendarEvent = { type: 'WorkCalendarPublished'; data: PublishedCalendar };

export type CalendarEventType = CalendarEvent['type'];

export const calendarEventTypes = [
  'WorkCalendarPublished',
] as const satisfies readonly CalendarEventType[];
