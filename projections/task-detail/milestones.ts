import { updateItem } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { MilestoneDetail, TaskDetail } from './document.ts';

/** Open and recorded overdue for the due date it has now (an extension clears it). */
const isOverdue = (milestone: MilestoneDetail): boolean =>
  milestone.status === 'open' &&
  milestone.overdueRecords.some((record) => record.dueDate === milestone.dueDate);

/** Changes one milestone and keeps its `overdue` flag true to the change. */
export const changeMilestone = (
  doc: TaskDetail,
  milestoneId: string,
  change: (milestone: MilestoneDetail) => MilestoneDetail,
): TaskDetail => ({
  ...doc,
  milestones: updateItem(doc.milestones, milestoneId, (milestone) => {
    const changed = change(milestone);
    return { ...changed, overdue: isOverdue(changed) };
  }),
});

/** A new open milestone (环节) at 0, its current due date the planned one. */
export const withMilestonePlanned: PageChange<'MilestonePlanned'> = (doc, data) => {
  const milestone: MilestoneDetail = {
    id: data.milestoneId,
    title: data.title,
    dueDate: data.dueDate,
    originalDueDate: data.dueDate,
    weight: data.weight,
    ownerUnitId: data.ownerUnitId ?? null,
    progress: 0,
    status: 'open',
    completedAt: null,
    lastReportedAt: null,
    lastReportedByUnitId: null,
    lastNote: null,
    lastEvidence: [],
    overdue: false,
    assumed: [...(data.assumed ?? [])],
    reminders: [],
    overdueRecords: [],
    reopenings: [],
  };
  return { ...doc, milestones: [...doc.milestones, milestone] };
};

/** The last report is what the milestone shows, even a lower percent (a correction). */
export const withProgressReported: PageChange<'MilestoneProgressReported'> = (
  doc,
  data,
  stamp,
) => ({
  ...changeMilestone(doc, data.milestoneId, (milestone) => ({
    ...milestone,
    progress: data.percent,
    lastReportedAt: stamp.at,
    lastReportedByUnitId: data.reportedByUnitId,
    lastProxySource: data.proxySource ?? null,
    lastNote: data.note,
    lastEvidence: [...data.evidence],
  })),
  lastReportedAt: stamp.at,
});

/** A completed milestone counts as fully done, whatever was last reported. */
export const withMilestoneCompleted: PageChange<'MilestoneCompleted'> = (doc, data, stamp) =>
  changeMilestone(doc, data.milestoneId, (milestone) => ({
    ...milestone,
    progress: 100,
    status: 'completed',
    completedAt: stamp.at,
  }));

/** Open again, back at its last reported progress. */
export const withMilestoneReopened: PageChange<'MilestoneReopened'> = (doc, data, stamp) =>
  changeMilestone(doc, data.milestoneId, (milestone) => ({
    ...milestone,
    progress: data.percent,
    status: 'open',
    completedAt: null,
    reopenings: [
      ...milestone.reopenings,
      { reason: data.reason, percent: data.percent, reopenedAt: stamp.at, reopenedBy: stamp.by },
    ],
  }));

/** Given to another owner (a cooperating unit, or back to the lead unit). */
export const withMilestoneOwnerAssigned: PageChange<'MilestoneOwnerAssigned'> = (doc, data) =>
  changeMilestone(doc, data.milestoneId, (milestone) => ({
    ...milestone,
    ownerUnitId: data.ownerUnitId,
  }));

/** The clock reminded of a due date coming (提醒). */
export const withReminder: PageChange<'MilestoneDueSoonReminded'> = (doc, data, stamp) =>
  changeMilestone(doc, data.milestoneId, (milestone) => ({
    ...milestone,
    reminders: [
      ...milestone.reminders,
      { dueDate: data.dueDate, remindedOn: data.remindedOn, recordedAt: stamp.at },
    ],
  }));

/** The clock recorded a due date passed with the milestone open. */
export const withOverdue: PageChange<'MilestoneOverdue'> = (doc, data, stamp) =>
  changeMilestone(doc, data.milestoneId, (milestone) => ({
    ...milestone,
    overdueRecords: [
      ...milestone.overdueRecords,
      { dueDate: data.dueDate, recordedOn: data.recordedOn, recordedAt: stamp.at },
    ],
  }));
