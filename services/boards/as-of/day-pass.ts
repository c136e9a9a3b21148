import { dayOf } from '../../../contracts/dates.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import { toEnvelope } from '../../../projections/envelope.ts';
import type { BoardInput } from '../build/input.ts';
import { applyEvent, emptyReplay, routes } from './replay.ts';
import { boardInputOf, replayedProjections, snapshotOf } from './snapshot.ts';

/** How a pass reads the log, where it may stop, and what it hands on as it goes. */
export interface DayPassOptions<T> {
  pageSize?: number;
  signal?: AbortSignal;
  /** Told, after each page, of the days closed in it: to keep them as they come. */
  closed?: (values: T[]) => Promise<void>;
}

/** What one pass over the log tells of the days asked. */
export interface DayPass<T> {
  /** What was taken of each day the pass could close, in day order, late days left out. */
  values: T[];
  /**
   * Days an event reached after the pass had closed them (recorded earlier
   * than an event before it in the log: commands in flight across midnight, a
   * clock set back): what is known of them needs a replay of their own.
   */
  late: string[];
}

/**
 * One pass over the log for several past days, holding one set of documents:
 * each day is taken (`take`, from the board input of the documents as they
 * stand) when the first event recorded after it arrives, then the pass goes
 * on. No day's documents are kept, so memory does not grow with the days.
 */
export const passOverDays = async <T>(
  eventStore: EventStore,
  days: readonly string[],
  take: (input: BoardInput) => T,
  options: DayPassOptions<T> = {},
): Promise<DayPass<T>> => {
  const pageSize = options.pageSize ?? 5000;
  const targets = [...new Set(days)].sort();
  const handling = routes(replayedProjections);
  const work = emptyReplay('');
  const taken: { day: string; value: T }[] = [];
  const late = new Set<string>();
  let handed = 0;
  const close = (day: string) =>
    taken.push({ day, value: take(boardInputOf(day, snapshotOf(work))) });
  const handOn = async () => {
    const fresh = taken.slice(handed);
    handed = taken.length;
    if (fresh.length > 0) await options.closed?.(fresh.map((entry) => entry.value));
  };
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({ after, limit: pageSize });
    for (const stored of page) {
      const envelope = toEnvelope(stored);
      const recordedOn = dayOf(envelope.recordedAt);
      for (; taken.length < targets.length && (targets[taken.length] as string) < recordedOn; ) {
        close(targets[taken.length] as string);
      }
      // Days are closed in order: only the last ones can be on or after this event's day.
      for (let i = taken.length - 1; i >= 0 && (taken[i]?.day as string) >= recordedOn; i--) {
        late.add(taken[i]?.day as string);
      }
      applyEvent(work, envelope, handling(envelope.event.type));
    }
    await handOn();
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) break;
    after = last.position;
    // The store may answer synchronously: other requests get their turn between pages.
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  }
  for (const day of targets.slice(taken.length)) close(day);
  await handOn();
  return {
    values: taken.filter((entry) => !late.has(entry.day)).map((entry) => entry.value),
    late: [...late].sort(),
  };
};
