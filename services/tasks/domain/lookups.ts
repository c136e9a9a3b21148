import { illegalState, notFound } from '../../../contracts/errors.ts';
import type {
  BlockageState,
  ExtensionState,
  MilestoneState,
  NoticeState,
  RegisteredTask,
} from './state.ts';

/** Looks up a part of the task by id, or names the field that points nowhere. */
const existing = <V>(
  map: ReadonlyMap<string, V>,
  field: string,
  id: string,
  what: string,
  task: RegisteredTask,
): V => {
  const value = map.get(id);
  if (value === undefined) throw notFound(field, `${what} ${id} of task ${task.taskId}`);
  return value;
};

export const existingMilestone = (task: RegisteredTask, id: string): MilestoneState =>
  existing(task.milestones, 'milestoneId', id, 'milestone', task);

export const existingBlockage = (task: RegisteredTask, id: string): BlockageState =>
  existing(task.blockages, 'blockageId', id, 'blockage', task);

export const existingExtension = (task: RegisteredTask, id: string): ExtensionState =>
  existing(task.extensions, 'requestId', id, 'extension request', task);

export const existingNotice = (task: RegisteredTask, id: string): NoticeState =>
  existing(task.notices, 'noticeId', id, 'supervision notice', task);

/** A milestone that still takes work. */
export const openMilestone = (task: RegisteredTask, id: string): MilestoneState => {
  const milestone = existingMilestone(task, id);
  if (milestone.completed)
    throw illegalState(`milestone ${id} is already completed`, 'milestoneId');
  return milestone;
};

/** A blockage that is not resolved. */
export const openBlockage = (task: RegisteredTask, id: string): BlockageState => {
  const blockage = existingBlockage(task, id);
  if (!blockage.open) throw illegalState(`blockage ${id} is already resolved`, 'blockageId');
  return blockage;
};
