import type { ScoringEvent } from '../../contracts/events/index.ts';
import {
  type SettlementCommand,
  settlementDecider,
} from '../../services/supervision/domain/settlement-decider.ts';
import { given } from './support/given-when-then.ts';
import { clock, on } from './support/task-fixtures.ts';

const close = (year: number, rulesetVersion = 2): SettlementCommand => ({
  type: 'CloseScoringPeriod',
  data: { year, rulesetVersion },
});

const closed = (closedOn: string): ScoringEvent => ({
  type: 'ScoringPeriodClosed',
  data: { period: '2021', from: '2021-01-01', to: '2021-12-31', closedOn, rulesetVersion: 2 },
});

describe('closing a scoring period (年度结算)', () => {
  it('records the settlement the day after the period ends', () => {
    given(settlementDecider, [])
      .when(close(2021), on('2022-01-01', clock))
      .then([closed('2022-01-01')]);
  });

  it('records it on a later day when the clock first runs then', () => {
    given(settlementDecider, [])
      .when(close(2021), on('2022-01-04', clock))
      .then([closed('2022-01-04')]);
  });

  it('records it once', () => {
    given(settlementDecider, [closed('2022-01-01')])
      .when(close(2021), on('2022-01-04', clock))
      .then([]);
  });

  it('refuses to close a period on its last day or before, naming the year', () => {
    given(settlementDecider, [])
      .when(close(2021), on('2021-12-31', clock))
      .thenThrows('VALIDATION', 'year');
    given(settlementDecider, [])
      .when(close(2022), on('2022-01-01', clock))
      .thenThrows('VALIDATION', 'year');
  });

  it('refuses a year that is not one', () => {
    given(settlementDecider, [])
      .when(close(21.5), on('2022-01-01', clock))
      .thenThrows('VALIDATION', 'year');
  });
});
