import type { Ruleset } from '../../../contracts/events/index.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { KeysetPosition, ReadModelStore } from '../../../infra/read-model-store/port.ts';
import type { ClockAgendaItem } from '../../../projections/clock-agenda/projection.ts';
import { clockAgendaCollection } from '../../../projections/clock-agenda/projection.ts';
import { publishedNear } from '../../shared/published-calendars.ts';
import { agendaFilters, litFilter } from './agenda-filters.ts';

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

/** Agenda documents a page of lights reads: a few hundred tasks' judging, a few milliseconds. */
export const LIT_PAGE_SIZE = 500;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The running tasks whose light may change (`litFilter`), `pageSize` at a time
 * in id order, less those already `read` with the day's agenda. Between pages
 * the event loop takes its turn: on a province's log (tens of thousands of
 * running tasks) reading and judging them at once would hold every other
 * request of the service for seconds.
 */
export async function* litAgendaPages(
  readModels: ReadModelStore,
  read: ReadonlySet<string>,
  pageSize = LIT_PAGE_SIZE,
): AsyncGenerator<ClockAgendaItem[]> {
  let after: KeysetPosition | undefined;
  for (;;) {
    const page = await readModels.find<ClockAgendaItem>(clockAgendaCollection, {
      filter: litFilter,
      limit: pageSize,
      count: false,
      ...(after ? { after } : {}),
    });
    const unread = page.items.filter((item) => !read.has(item.id));
    if (unread.length > 0) yield unread;
    const last = page.items.at(-1);
    if (last === undefined || page.items.length < pageSize) return;
    after = { value: null, id: last.id };
    await nextTurn();
  }
}
