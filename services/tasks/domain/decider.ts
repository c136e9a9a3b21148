import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { Decider } from '../../shared/decider.ts';
import type { TaskCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { initialState, type TaskState } from './state.ts';

/**
 * The task aggregate (督办事项): registration, assignment, signing, transfer and
 * return; milestones, extensions and the clock's reminders and overdue facts;
 * blockages; completion, suspension and termination; indicators, supervision
 * notices, instructions and accountability.
 */
export const taskDecider: Decider<TaskCommand, TaskEvent, TaskState> = {
  initialState,
  evolve,
  decide,
};
