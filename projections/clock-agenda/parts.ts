import { updateWhere } from '../lists.ts';
import type { AgendaBlockage, AgendaMilestone, ClockAgendaItem } from './document.ts';
import { isLit } from './light.ts';
import { isWatching } from './time-limits.ts';

type Change<T> = (part: T) => T;

/** Changes one milestone of the agenda; an unknown id leaves it as it is. */
export const changeMilestone = (
  item: ClockAgendaItem,
  id: string,
  change: Change<AgendaMilestone>,
): ClockAgendaItem => ({
  ...item,
  milestones: updateWhere(item.milestones, (milestone) => milestone.milestoneId === id, change),
});

/** Changes one blockage of the agenda; an unknown id leaves it as it is. */
export const changeBlockage = (
  item: ClockAgendaItem,
  id: string,
  change: Change<AgendaBlockage>,
): ClockAgendaItem => ({
  ...item,
  blockages: updateWhere(item.blockages, (blockage) => blockage.blockageId === id, change),
});

/** The list with `value` added once. */
export const withDate = (dates: readonly string[], value: string): string[] =>
  dates.includes(value) ? [...dates] : [...dates, value];

const earliest = (dates: readonly string[]): string | null =>
  dates.reduce<string | null>((min, date) => (min === null || date < min ? date : min), null);

/** A milestone still owes a fact until it is completed or recorded overdue for its due date. */
const pendingDueDate = (milestone: AgendaMilestone): string[] =>
  milestone.completed || milestone.overdueFor.includes(milestone.dueDate)
    ? []
    : [milestone.dueDate];

/** An open blockage waits for the next level until it reaches the main leader (2). */
const waitingDay = (blockage: AgendaBlockage): string[] =>
  blockage.open && blockage.level < 2 ? [blockage.openSince] : [];

/** Recomputes the summary fields the clock queries on. */
export const summarised = (item: ClockAgendaItem): ClockAgendaItem => ({
  ...item,
  nextDueDate: earliest(item.milestones.flatMap(pendingDueDate)),
  waitingSince: earliest(item.blockages.flatMap(waitingDay)),
  watching: isWatching(item),
  lit: isLit(item),
});
