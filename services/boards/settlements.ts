import { validationError } from '../../contracts/errors.ts';
import type { ClosedPeriod, ScoringEvent } from '../../contracts/events/index.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import { scoringPeriodStreamId } from '../../contracts/streams.ts';
import { addDays } from '../../domain/dates.ts';
import type { EventStore } from '../../infra/event-store/port.ts';

/**
 * The settlement (年度结算) of the year `period` names, as the clock recorded it
 * (stream `scoring-period-<year>`); a period not closed yet is refused, naming
 * the day it closes from.
 */
export const settlementOf = async (
  eventStore: EventStore,
  period: string,
): Promise<ClosedPeriod> => {
  const year = Number(period);
  const [stored] = await eventStore.readStream(scoringPeriodStreamId(year), { limit: 1 });
  if (!stored) {
    const from = addDays(`${period}-12-31`, 1);
    throw validationError(
      'period',
      `is not settled yet: the clock closes ${period} from ${from}, on its first run`,
    );
  }
  return toDomainEvent<ScoringEvent>(stored).data;
};
