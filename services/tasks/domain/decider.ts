import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { Decider } from '../../shared/decider.ts';
import type { TaskCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, initialState, type TaskState } from './state.ts';

/** The task aggregate (督办事项): registration, assignment, milestones, blockages. */
export const taskDecider: Decider<TaskCommand, TaskEvent, TaskState> = {
  initialState,
  evolve,
  decide,
};
