import { dayOf } from '../../../contracts/dates.ts';
import type { DecisionContext } from '../../shared/decider.ts';

/** The business day (China Standard Time) a decision is taken on. */
export const today = (context: DecisionContext): string => dayOf(context.now);
