import type { Actor } from '../../../contracts/actor.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { DecisionContext } from '../../../services/shared/decider.ts';
import { defaultContext } from './given-when-then.ts';

/** One task event type, narrowed, so a test can spread its data. */
type EventOf<T extends TaskEvent['type']> = Extract<TaskEvent, { type: T }>;

/** Past events of one task, named as the facts they are. */
export const taskId = 'task-1';

export const taskRegistered: EventOf<'TaskRegistered'> = {
  type: 'TaskRegistered',
  data: {
    taskId,
    title: 'Build 3 new schools',
    description: null,
    section: 'Education',
    plannedStart: '2021-01-01',
    dueDate: '2021-12-31',
  },
};

export const taskAssigned: EventOf<'TaskAssigned'> = {
  type: 'TaskAssigned',
  data: {
    taskId,
    leadUnitId: 'education-bureau',
    cooperatingUnitIds: ['finance-bureau'],
    responsibleLeader: 'Vice Mayor Li',
  },
};

export const milestonePlanned = (milestoneId = 'm1', weight = 50): EventOf<'MilestonePlanned'> => ({
  type: 'MilestonePlanned',
  data: { taskId, milestoneId, title: 'Land approved', dueDate: '2021-06-30', weight },
});

export const progressReported = (
  milestoneId: string,
  percent: number,
  previousPercent = 0,
): TaskEvent => ({
  type: 'MilestoneProgressReported',
  data: {
    taskId,
    milestoneId,
    percent,
    previousPercent,
    note: null,
    reportedByUnitId: 'education-bureau',
  },
});

export const milestoneCompleted = (milestoneId = 'm1'): TaskEvent => ({
  type: 'MilestoneCompleted',
  data: { taskId, milestoneId, note: null },
});

export const blockageReported = (blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageReported',
  data: {
    taskId,
    blockageId,
    description: 'Waiting for the land survey',
    waitingOnUnitId: 'land-bureau',
    reportedByUnitId: 'education-bureau',
  },
});

export const blockageResolved = (blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageResolved',
  data: { taskId, blockageId, resolution: 'Survey delivered' },
});

/** A registered and assigned task with one planned milestone `m1`. */
export const plannedTask: TaskEvent[] = [taskRegistered, taskAssigned, milestonePlanned()];

/** The decision context of a department head (责任单位负责人) of `unitId`. */
export const headOf = (unitId: string): DecisionContext => {
  const actor: Actor = { id: `head-of-${unitId}`, role: 'department_head', unitId };
  return { ...defaultContext, actor };
};
