import type { Ruleset } from '../../../contracts/events/index.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import type { ClockAgendaItem } from '../../../projections/clock-agenda/projection.ts';
import { clockAgendaCollection } from '../../../projections/clock-agenda/projection.ts';
import { publishedNear } from '../../shared/published-calendars.ts';
import { agendaFilters } from './agenda-filters.ts';

/**
 * The working-day calendars in force for limits near `day`: the office's latest
 * versions of the year before to the year after, else the ones shipped.
 */
export const readCalendars = async (eventStore: EventStore, day: string): Promise<Calendars> =>
  calendarsInForce(await publishedNear(eventStore, day));

/** The agenda documents that may hold something due on `day`, each once. */
export const readAgenda = async (
  readModels: ReadModelStore,
  day: string,
  ruleset: Ruleset,
  calendars: Calendars,
): Promise<ClockAgendaItem[]> => {
  const pages = await Promise.all(
    agendaFilters(day, ruleset, calendars).map((filter) =>
      readModels.find<ClockAgendaItem>(clockAgendaCollection, { filter }),
    ),
  );
  const byId = new Map(pages.flatMap((page) => page.items.map((item) => [item.id, item] as const)));
  return [...byId.values()];
};
