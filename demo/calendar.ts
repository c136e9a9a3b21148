/** Calendar arithmetic on `YYYY-MM-DD` days, for the simulated year. */
const dayMs = 86_400_000;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** 10:00 China Standard Time (UTC+8) on that day, as an ISO timestamp. */
export const morningOf = (day: string): string => `${day}T02:00:00.000Z`;

/** Every day from `from` to `to`, both included. */
export const days = (from: string, to: string): string[] =>
  Array.from({ length: daysBetween(from, to) + 1 }, (_, index) => addDays(from, index));
