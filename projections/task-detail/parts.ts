import type { TaskEvent } from '../../contracts/events/index.ts';
import type { BlockageDetail, MilestoneDetail, TaskDetail } from './document.ts';

type Data<T extends TaskEvent['type']> = Extract<TaskEvent, { type: T }>['data'];

/** Replaces the item with `id` by `change(item)`, leaving the others as they are. */
const updateItem = <T extends { id: string }>(
  items: T[],
  id: string,
  change: (item: T) => T,
): T[] => items.map((item) => (item.id === id ? change(item) : item));

export const withMilestonePlanned = (
  doc: TaskDetail,
  data: Data<'MilestonePlanned'>,
): TaskDetail => {
  const milestone: MilestoneDetail = {
    id: data.milestoneId,
    title: data.title,
    dueDate: data.dueDate,
    weight: data.weight,
    progress: 0,
    status: 'open',
    completedAt: null,
    lastReportedAt: null,
  };
  return { ...doc, milestones: [...doc.milestones, milestone] };
};

export const withProgressReported = (
  doc: TaskDetail,
  data: Data<'MilestoneProgressReported'>,
  at: string,
): TaskDetail => ({
  ...doc,
  milestones: updateItem(doc.milestones, data.milestoneId, (milestone) => ({
    ...milestone,
    progress: data.percent,
    lastReportedAt: at,
  })),
});

/** A completed milestone counts as fully done, whatever was last reported. */
export const withMilestoneCompleted = (
  doc: TaskDetail,
  data: Data<'MilestoneCompleted'>,
  at: string,
): TaskDetail => ({
  ...doc,
  milestones: updateItem(doc.milestones, data.milestoneId, (milestone) => ({
    ...milestone,
    progress: 100,
    status: 'completed',
    completedAt: at,
  })),
});

export const withBlockageReported = (
  doc: TaskDetail,
  data: Data<'BlockageReported'>,
  at: string,
): TaskDetail => {
  const blockage: BlockageDetail = {
    id: data.blockageId,
    description: data.description,
    waitingOnUnitId: data.waitingOnUnitId,
    status: 'open',
    reportedAt: at,
    resolvedAt: null,
    resolution: null,
  };
  return { ...doc, blockages: [...doc.blockages, blockage] };
};

export const withBlockageResolved = (
  doc: TaskDetail,
  data: Data<'BlockageResolved'>,
  at: string,
): TaskDetail => ({
  ...doc,
  blockages: updateItem(doc.blockages, data.blockageId, (blockage) => ({
    ...blockage,
    status: 'resolved',
    resolvedAt: at,
    resolution: data.resolution,
  })),
});
