import { validationError } from '../../../contracts/errors.ts';
import type { ScoringEvent } from '../../../contracts/events/index.ts';
import { addDays } from '../../../domain/dates.ts';
import type { Decider } from '../../shared/decider.ts';
import { today } from '../../tasks/domain/calendar.ts';

/** Closes a year's scoring period (年度结算); sent by the clock. */
export type SettlementCommand = {
  type: 'CloseScoringPeriod';
  data: { year: number; rulesetVersion: number };
};

/** A period's stream: closed or not. */
type SettlementState = { closed: boolean };

const yearOf = (year: number): number => {
  if (!Number.isInteger(year) || year < 1970 || year > 9998) {
    throw validationError('year', 'must be a year between 1970 and 9998');
  }
  return year;
};

/**
 * A year's scoring period (stream `scoring-period-<year>`): closed once, on or
 * after the day after its last day; asked again, nothing more is recorded.
 */
export const settlementDecider: Decider<SettlementCommand, ScoringEvent, SettlementState> = {
  initialState: () => ({ closed: false }),
  evolve: (state, event) => (event.type === 'ScoringPeriodClosed' ? { closed: true } : state),
  decide: (command, state, context) => {
    const year = yearOf(command.data.year);
    const to = `${year}-12-31`;
    const day = today(context);
    if (day <= to) {
      throw validationError('year', `closes from the day after it ends (${addDays(to, 1)})`);
    }
    if (state.closed) return [];
    return [
      {
        type: 'ScoringPeriodClosed',
        data: {
          period: String(year),
          from: `${year}-01-01`,
          to,
          closedOn: day,
          rulesetVersion: command.data.rulesetVersion,
        },
      },
    ];
  },
};
