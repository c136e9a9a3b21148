import { forbidden, illegalState } from '../../../contracts/errors.ts';
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

/**
 * The unit an open blockage waits on declares its part done, with what it did:
 * the unit held up then confirms by resolving it. Only the unit waited on, even
 * one that neither leads nor co-owns the task.
 */
export const declareBlockagePartDone: OnTask<'DeclareBlockagePartDone'> = (
  data,
  task,
  { actor },
) => {
  const blockage = openBlockage(task, data.blockageId);
  if (actor.unitId === undefined || actor.unitId !== blockage.waitingOnUnitId) {
    throw forbidden(
      `blockage ${data.blockageId} waits on unit ${blockage.waitingOnUnitId ?? 'none'}; only that unit declares its part done`,
    );
  }
  return recorded('BlockagePartDeclaredDone', task, {
    blockageId: data.blockageId,
    unitId: actor.unitId,
    note: data.note,
  });
};

/**
 * Resolves an open blockage; the resolution is the trace of how. Of the units,
 * only the one held up (that reported it) says it is resolved: the unit it waits
 * on declares its part done instead, which the other confirms by resolving.
 */
export const resolveBlockage: OnTask<'ResolveBlockage'> = (data, task, { actor }) => {
  const blockage = openBlockage(task, data.blockageId);
  if (actor.role === 'department_head' && actor.unitId !== blockage.reportedByUnitId) {
    throw forbidden(
      `blockage ${data.blockageId} was reported by unit ${blockage.reportedByUnitId ?? 'none'}; only that unit (or a leader, or the office) resolves it${actor.unitId === blockage.waitingOnUnitId ? ': the unit it waits on declares its part done (declareBlockagePartDone)' : ''}`,
    );
  }
  return recorded('BlockageResolved', task, {
    blockageId: data.blockageId,
    resolution: data.resolution,
  });
};
