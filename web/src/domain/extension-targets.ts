/** What the lead unit's head knows of the task to ask more time (延期) for. */
export interface ExtensionTask {
  /** The task's own due date now, and the last day of its limit. */
  dueDate: string;
  taskLimit: string;
  /** The day the page is for (China Standard Time). */
  today: string;
  milestones: readonly {
    id: string;
    title: string;
    status: string;
    dueDate: string;
    /** The last day of its limit: the due date, or the next working day when it falls on a day off. */
    limitDate: string;
    /** Recorded overdue by the clock: past its limit. */
    overdue: boolean;
  }[];
}

/** One thing more time may be asked for: the task itself (`milestoneId` null) or a milestone. */
export interface ExtensionTarget {
  milestoneId: string | null;
  title: string | null;
  dueDate: string;
}

/**
 * What more time may be asked for now: the task's own due date and each open
 * milestone's, each only up to its limit; asked later, the server refuses it.
 */
export const extensionTargets = (task: ExtensionTask): ExtensionTarget[] => [
  ...(task.today <= task.taskLimit
    ? [{ milestoneId: null, title: null, dueDate: task.dueDate }]
    : []),
  ...task.milestones
    .filter((milestone) => milestone.status !== 'COMPLETED' && !milestone.overdue)
    .filter((milestone) => task.today <= milestone.limitDate)
    .map((milestone) => ({
      milestoneId: milestone.id,
      title: milestone.title,
      dueDate: milestone.dueDate,
    })),
];
