import { isDeepStrictEqual } from 'node:util';

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 200) ?? 'undefined';

/** The first path at which two JSON values differ, with both values there. */
export const firstDifference = (stored: unknown, rebuilt: unknown, at = ''): string | null => {
  if (isDeepStrictEqual(stored, rebuilt)) return null;
  const bothObjects =
    typeof stored === 'object' &&
    stored !== null &&
    typeof rebuilt === 'object' &&
    rebuilt !== null;
  if (bothObjects && Array.isArray(stored) === Array.isArray(rebuilt)) {
    const keys = new Set([...Object.keys(stored), ...Object.keys(rebuilt)]);
    for (const key of keys) {
      const step = Array.isArray(stored) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
      const found = firstDifference(
        (stored as Record<string, unknown>)[key],
        (rebuilt as Record<string, unknown>)[key],
        step,
      );
      if (found) return found;
    }
  }
  return `${at || '(document)'}: stored ${show(stored)}, rebuilt ${show(rebuilt)}`;
};
