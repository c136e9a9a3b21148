import { illegalState } from '../../../contracts/errors.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import { openBlockage } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';

/** Reports a blockage (堵点), optionally naming the unit the task waits on. */
export const reportBlockage: OnTask<'ReportBlockage'> = (data, task, { actor }) => {
  if (task.blockages.has(data.blockageId)) {
    throw illegalState(`blockage ${data.blockageId} is already reported`, 'blockageId');
  }
  if (data.waitingOnUnitId !== null) {
    knownUnit('waitingOnUnitId', data.waitingOnUnitId, data.knownUnitIds);
  }
  return recorded('BlockageReported', task, {
    blockageId: data.blockageId,
    description: data.description,
    waitingOnUnitId: data.waitingOnUnitId,
    reportedByUnitId: actor.unitId ?? null,
  });
};

/** Resolves an open blockage; the resolution is the trace of how. */
export const resolveBlockage: OnTask<'ResolveBlockage'> = (data, task) => {
  openBlockage(task, data.blockageId);
  return recorded('BlockageResolved', task, {
    blockageId: data.blockageId,
    resolution: data.resolution,
  });
};
