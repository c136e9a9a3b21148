import { dayOf } from '../../../contracts/dates.ts';
import type { DecisionContext } from '../../shared/decider.ts';

const dayMs = 86_400_000;

/** The business day (China Standard Time) a decision is taken on. */
export const today = (context: DecisionContext): string => dayOf(context.now);

/** Whole days from `from` to `to` (negative when `to` is earlier); both `YYYY-MM-DD`. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
