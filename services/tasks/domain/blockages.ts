import type { Actor } from '../../../contracts/actor.ts';
import { illegalState } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { limits } from '../../../contracts/limits.ts';
import type { CommandData } from './commands.ts';
import { openBlockage } from './lookups.ts';
import { knownUnit, newId, requiredText } from './rules.ts';
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
  const blockageId = newId('blockageId', data.blockageId);
  const description = requiredText('description', data.description, limits.description);
  if (data.waitingOnUnitId !== null) {
    knownUnit('waitingOnUnitId', data.waitingOnUnitId, data.knownUnitIds);
  }
  return [
    {
      type: 'BlockageReported',
      data: {
        taskId: task.taskId,
        blockageId,
        description,
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
        resolution: requiredText('resolution', data.resolution, limits.note),
      },
    },
  ];
};
