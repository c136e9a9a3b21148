import type { EscalationLevel } from '../../../contracts/events/task-events.ts';

/** One escalation recorded for a blockage: by the clock or by a leader. */
export type EscalationEntry = { day: string; level: EscalationLevel; by: 'system' | 'leader' };

/**
 * One blockage (堵点) as the boards read it (collection `board_blockages`, id =
 * `taskId/blockageId`). Its age and the level due on a day are the builder's.
 */
export type BoardBlockage = {
  id: string;
  position: number;
  taskId: string;
  blockageId: string;
  description: string;
  waitingOnUnitId: string | null;
  /** Null when the office reported it: the task's lead unit is the one blocked. */
  reportedByUnitId: string | null;
  reportedOn: string;
  /** The day it was last opened: reported, or reopened. */
  openedOn: string;
  open: boolean;
  resolvedOn: string | null;
  resolution: string | null;
  /** The highest level recorded; it only goes up, even across a reopening. */
  level: 0 | EscalationLevel;
  escalations: EscalationEntry[];
  coordinatorUnitId: string | null;
  reopenedCount: number;
};
