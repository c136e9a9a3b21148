/**
 * Commands of the task aggregate: imperative requests, decided against the
 * task's state. Ids are chosen by the caller (retries reuse them); unit ids are
 * checked against `knownUnitIds`, which the service looks up in the directory so
 * that the decision stays pure.
 */
export type TaskCommand =
  | {
      type: 'RegisterTask';
      data: {
        taskId: string;
        title: string;
        description: string | null;
        section: string | null;
        plannedStart: string;
        dueDate: string;
      };
    }
  | {
      type: 'AssignTask';
      data: {
        taskId: string;
        leadUnitId: string;
        cooperatingUnitIds: string[];
        responsibleLeader: string | null;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | {
      type: 'PlanMilestone';
      data: { taskId: string; milestoneId: string; title: string; dueDate: string; weight: number };
    }
  | {
      type: 'ReportProgress';
      data: { taskId: string; milestoneId: string; percent: number; note: string | null };
    }
  | {
      type: 'CompleteMilestone';
      data: { taskId: string; milestoneId: string; note: string | null };
    }
  | {
      type: 'ReportBlockage';
      data: {
        taskId: string;
        blockageId: string;
        description: string;
        waitingOnUnitId: string | null;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | {
      type: 'ResolveBlockage';
      data: { taskId: string; blockageId: string; resolution: string };
    };

export type TaskCommandType = TaskCommand['type'];

/** The data of one command type, e.g. `CommandData<'AssignTask'>`. */
export type CommandData<T extends TaskCommandType> = Extract<TaskCommand, { type: T }>['data'];
