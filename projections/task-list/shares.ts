import { updateItem } from '../lists.ts';
import type { MilestoneShare, TaskListItem } from './document.ts';

/** Adds a planned milestone’s share. */
export const withShare = (item: TaskListItem, share: MilestoneShare): TaskListItem => ({
  ...item,
  milestoneShares: [...item.milestoneShares, share],
});

/** Changes one milestone’s share with what `change` returns for it. */
export const updateShare = (
  item: TaskListItem,
  milestoneId: string,
  change: (share: MilestoneShare) => Partial<MilestoneShare>,
): TaskListItem => ({
  ...item,
  milestoneShares: updateItem(item.milestoneShares, milestoneId, (share) => ({
    ...share,
    ...change(share),
  })),
});

/** Open and recorded overdue for the due date it has now (an extension clears it). */
export const isOverdue = (share: MilestoneShare): boolean =>
  !share.completed && share.overdueFor.includes(share.dueDate);

/** The earliest due date among the open milestones. */
export const nextDueDate = (shares: readonly MilestoneShare[]): string | null => {
  let next: string | null = null;
  for (const share of shares) {
    if (!share.completed && (next === null || share.dueDate < next)) next = share.dueDate;
  }
  return next;
};
