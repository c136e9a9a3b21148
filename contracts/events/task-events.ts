/**
 * Events of a task's stream (`task-<id>`). Milestones and blockages (堵点) live
 * inside their task's stream. Past-tense facts; a stored shape never changes:
 * a breaking change is a new version of the type, upcast when read.
 * Dates (`YYYY-MM-DD`) are business dates; timestamps end in `At`.
 */
export type TaskEvent =
  | {
      type: 'TaskRegistered';
      data: {
        taskId: string;
        title: string;
        description: string | null;
        /** The section of the work report the task comes from. */
        section: string | null;
        plannedStart: string;
        dueDate: string;
      };
    }
  | {
      type: 'TaskAssigned';
      data: {
        taskId: string;
        leadUnitId: string;
        cooperatingUnitIds: string[];
        responsibleLeader: string | null;
      };
    }
  | {
      type: 'MilestonePlanned';
      data: { taskId: string; milestoneId: string; title: string; dueDate: string; weight: number };
    }
  | {
      type: 'MilestoneProgressReported';
      data: {
        taskId: string;
        milestoneId: string;
        percent: number;
        previousPercent: number;
        note: string | null;
        /** The unit that reported: the lead unit, or a co-owning unit on its own part. */
        reportedByUnitId: string | null;
      };
    }
  | {
      type: 'MilestoneCompleted';
      data: { taskId: string; milestoneId: string; note: string | null };
    }
  | {
      type: 'BlockageReported';
      data: {
        taskId: string;
        blockageId: string;
        description: string;
        waitingOnUnitId: string | null;
        reportedByUnitId: string | null;
      };
    }
  | {
      type: 'BlockageResolved';
      data: { taskId: string; blockageId: string; resolution: string };
    };

export type TaskEventType = TaskEvent['type'];

export const taskEventTypes = [
  'TaskRegistered',
  'TaskAssigned',
  'MilestonePlanned',
  'MilestoneProgressReported',
  'MilestoneCompleted',
  'BlockageReported',
  'BlockageResolved',
] as const satisfies readonly TaskEventType[];
