import type { Actor } from '../../../contracts/actor.ts';
import { illegalState } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import type { CommandData } from './commands.ts';
import { openBlockage } from './lookups.ts';
import type { RegisteredTask } from './state.ts';

/** Reports a blockage (堵点), optionally naming the unit the task waits on. */
export const reportBlockage = (
  data: CommandData<'ReportBlockage'>,
  task: RegisteredTask,
  actor: Actor,
): TaskEvent[] => {
  if (task.blockages.has(data.blockageId)) {
    throw illegalState(`blockage ${data.blockageId} is already reported`, 'blockageId');
  }
  if (data.waitingOnUnitId !== null) {
    knownUnit('waitingOnUnitId', data.waitingOnUnitId, data.knownUnitIds);
  }
  return [
    {
      type: 'BlockageReported',
      data: {
        taskId: task.taskId,
        blockageId: data.blockageId,
        description: data.description,
        waitingOnUnitId: data.waitingOnUnitId,
        reportedByUnitId: actor.unitId ?? null,
      },
    },
  ];
};

/** Resolves an open blockage; the resolution is the trace of how. */
export const resolveBlockage = (
  data: CommandData<'ResolveBlockage'>,
  task: RegisteredTask,
): TaskEvent[] => {
  openBlockage(task, data.blockageId);
  return [
    {
      type: 'BlockageResolved',
      data: {
        taskId: task.taskId,
        blockageId: data.blockageId,
        resolution: data.resolution,
      },
    },
  ];
};
