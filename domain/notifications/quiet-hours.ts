/**
 * Quiet hours (免打扰时段) in China Standard Time, e.g. 22:00–07:30: minutes
 * after midnight; `start > end` spans midnight. Null: none.
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const chinaOffsetMinutes = 8 * 60;
const minutePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minuteOf = (text: string): number | null => {
  const match = minutePattern.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** Parses `HH:MM-HH:MM`; null when not that shape or empty (start = end). */
export const parseQuietHours = (text: string): QuietHours | null => {
  const [start, end, ...rest] = text.split('-').map((part) => part.trim());
  if (start === undefined || end === undefined || rest.length > 0) return null;
  const startMinute = minuteOf(start);
  const endMinute = minuteOf(end);
  if (startMinute === null || endMinute === null || startMinute === endMinute) return null;
  return { startMinute, endMinute };
};

/** Whether `now` (ISO timestamp) falls in the quiet hours, China time. */
export const isQuiet = (now: string, quiet: QuietHours | null): boolean => {
  if (quiet === null) return false;
  const utcMinutes = Math.floor(Date.parse(now) / 60_000);
  const minute = (((utcMinutes + chinaOffsetMinutes) % 1440) + 1440) % 1440;
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
};
