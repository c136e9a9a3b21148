import { addDays, daysBetween } from '../domain/dates.ts';

/** 10:00 China Standard Time (UTC+8) on that day, as an ISO timestamp. */
export const morningOf = (day: string): string => `${day}T02:00:00.000Z`;

/** Every day from `from` to `to`, both included: the simulated year's calendar. */
export const days = (from: string, to: string): string[] =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, index) => addDays(from, index));
