import type { TaskEventType } from '../contracts/events/task-events.ts';

/** How the views that keep a task's lifecycle as two flags read it. */
type LifecycleFlags = { suspended: boolean; terminated: boolean };

/** The events that move a task's lifecycle. */
type LifecycleEvent = Extract<TaskEventType, 'TaskSuspended' | 'TaskResumed' | 'TaskTerminated'>;

/** What each lifecycle event sets: a suspension lasts until resumed, a termination for good. */
export const lifecycleFlagsAfter = {
  TaskSuspended: { suspended: true },
  TaskResumed: { suspended: false },
  TaskTerminated: { terminated: true },
} as const satisfies Record<LifecycleEvent, Partial<LifecycleFlags>>;
