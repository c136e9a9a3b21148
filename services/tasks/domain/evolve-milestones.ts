import type { TaskEventOf, TaskEventType } from '../../../contracts/events/task-events.ts';
import { withChanged, withEntry, withMember } from './collections.ts';
import type { MilestoneState, RegisteredTask } from './state.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/** The task with one milestone changed; an unknown milestone leaves it as it is. */
export const changeMilestone = (
  task: RegisteredTask,
  milestoneId: string,
  change: (milestone: MilestoneState) => MilestoneState,
): RegisteredTask => ({ ...task, milestones: withChanged(task.milestones, milestoneId, change) });

export const planned = (task: RegisteredTask, data: Data<'MilestonePlanned'>): RegisteredTask => ({
  ...task,
  milestones: withEntry(task.milestones, data.milestoneId, {
    ownerUnitId: data.ownerUnitId ?? null,
    dueDate: data.dueDate,
    percent: 0,
    reportedPercent: 0,
    completed: false,
    openRequestId: null,
    remindedFor: new Set(),
    overdueFor: new Set(),
  }),
});

export const progressReported = (
  task: RegisteredTask,
  data: Data<'MilestoneProgressReported'>,
): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({
    ...milestone,
    percent: data.percent,
    reportedPercent: data.percent,
    completed: false,
  }));

/** A completed milestone counts as fully done, whatever was last reported. */
export const completed = (task: RegisteredTask, data: Data<'MilestoneCompleted'>): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({
    ...milestone,
    percent: 100,
    completed: true,
  }));

export const reopened = (task: RegisteredTask, data: Data<'MilestoneReopened'>): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({
    ...milestone,
    percent: data.percent,
    completed: false,
  }));

/** From now on the new owner reports on and completes it. */
export const ownerAssigned = (
  task: RegisteredTask,
  data: Data<'MilestoneOwnerAssigned'>,
): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({
    ...milestone,
    ownerUnitId: data.ownerUnitId,
  }));

export const reminded = (
  task: RegisteredTask,
  data: Data<'MilestoneDueSoonReminded'>,
): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({
    ...milestone,
    remindedFor: withMember(milestone.remindedFor, data.dueDate),
  }));

export const overdue = (task: RegisteredTask, data: Data<'MilestoneOverdue'>): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({
    ...milestone,
    overdueFor: withMember(milestone.overdueFor, data.dueDate),
  }));

/** An open milestone's due date moved on after a pause: the clock's facts were for the old one. */
export const milestoneDueDateShifted = (
  task: RegisteredTask,
  data: Data<'MilestoneDueDateShifted'>,
): RegisteredTask =>
  changeMilestone(task, data.milestoneId, (milestone) => ({ ...milestone, dueDate: data.to }));
