import type { AgendaBlockage, AgendaMilestone, ClockAgendaItem } from './document.ts';

/** Changes one milestone of the agenda; an unknown id leaves it as it is. */
export const changeMilestone = (
  item: ClockAgendaItem,
  milestoneId: string,
  change: (milestone: AgendaMilestone) => AgendaMilestone,
): ClockAgendaItem => ({
  ...item,
  milestones: item.milestones.map((milestone) =>
    milestone.milestoneId === milestoneId ? change(milestone) : milestone,
  ),
});

/** Changes one blockage of the agenda; an unknown id leaves it as it is. */
export const changeBlockage = (
  item: ClockAgendaItem,
  blockageId: string,
  change: (blockage: AgendaBlockage) => AgendaBlockage,
): ClockAgendaItem => ({
  ...item,
  blockages: item.blockages.map((blockage) =>
    blockage.blockageId === blockageId ? change(blockage) : blockage,
  ),
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
});
