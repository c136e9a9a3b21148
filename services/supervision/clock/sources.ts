import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Ruleset } from '../../../contracts/events/index.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type {
  Filter,
  KeysetPosition,
  ReadModelStore,
} from '../../../infra/read-model-store/port.ts';
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

/** Agenda documents read at a time: a few hundred tasks' judging, a few milliseconds. */
export const AGENDA_PAGE_SIZE = 500;

/** One query's documents, `pageSize` at a time in id order, less those `read`, which it adds to. */
async function* pagesOf(
  readModels: ReadModelStore,
  filter: Filter,
  read: Set<string>,
  pageSize: number,
): AsyncGenerator<ClockAgendaItem[]> {
  let after: KeysetPosition | undefined;
  for (;;) {
    const page = await readModels.find<ClockAgendaItem>(clockAgendaCollection, {
      filter,
      limit: pageSize,
      count: false,
      ...(after ? { after } : {}),
    });
    const unread = page.items.filter((item) => !read.has(item.id));
    for (const item of unread) read.add(item.id);
    if (unread.length > 0) yield unread;
    const last = page.items.at(-1);
    if (last === undefined || page.items.length < pageSize) return;
    after = { value: null, id: last.id };
    await nextTurn();
  }
}

/**
 * The agenda documents that may hold something due on `day` (`agendaFilters`),
 * then the other running tasks whose light may change (`litFilter`), each once,
 * `pageSize` at a time in id order. Between pages the event loop takes its
 * turn: on a province's log (tens of thousands of running tasks, most lit)
 * reading and judging them at once would hold every other request of the
 * service for seconds.
 */
export async function* agendaPages(
  readModels: ReadModelStore,
  day: string,
  ruleset: Ruleset,
  calendars: Calendars,
  pageSize = AGENDA_PAGE_SIZE,
): AsyncGenerator<ClockAgendaItem[]> {
  const read = new Set<string>();
  for (const filter of [...agendaFilters(day, ruleset, calendars), litFilter]) {
    yield* pagesOf(readModels, filter, read, pageSize);
  }
}
