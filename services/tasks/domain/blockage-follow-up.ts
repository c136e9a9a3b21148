import { forbidden, illegalState } from '../../../contracts/errors.ts';
import type { EscalationLevel } from '../../../contracts/events/task-events.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import { existingBlockage, openBlockage } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import type { BlockageState } from './state.ts';

/** Why a blockage cannot go to `level`, or null when it can. */
const escalationRefusal = (blockage: BlockageState, level: EscalationLevel): string | null => {
  if (!blockage.open) return 'is resolved';
  if (blockage.level >= level)
    return `is already at level ${blockage.level}: escalation only goes up`;
  return null;
};

/**
 * Escalates an open blockage (堵点) to the responsible leader (1), then to the
 * main leader (2); a leader may go straight to 2. The clock works from views
 * that may lag, so what it asks that is already true, or no longer applies,
 * records nothing instead of failing: it can run any number of times.
 */
export const escalateBlockage: OnTask<'EscalateBlockage'> = (data, task, { actor }) => {
  const { level } = data;
  const refusal = escalationRefusal(existingBlockage(task, data.blockageId), level);
  const by = actor.role === 'system' ? 'system' : 'leader';
  if (refusal !== null && by === 'system') return [];
  if (refusal !== null) throw illegalState(`blockage ${data.blockageId} ${refusal}`, 'blockageId');
  return recorded('BlockageEscalated', task, { blockageId: data.blockageId, level, by });
};

/** A leader names the unit that coordinates an open blockage; a later assignment replaces it. */
export const assignBlockageCoordination: OnTask<'AssignBlockageCoordination'> = (data, task) => {
  openBlockage(task, data.blockageId);
  knownUnit('coordinatorUnitId', data.coordinatorUnitId, data.knownUnitIds);
  return recorded('BlockageCoordinationAssigned', task, {
    blockageId: data.blockageId,
    coordinatorUnitId: data.coordinatorUnitId,
    note: data.note,
  });
};

/** The unit that reported a blockage, or the office, says it is not solved after all. */
export const reopenBlockage: OnTask<'ReopenBlockage'> = (data, task, { actor }) => {
  const blockage = existingBlockage(task, data.blockageId);
  if (actor.role === 'department_head' && actor.unitId !== blockage.reportedByUnitId) {
    throw forbidden(
      `only the unit that reported blockage ${data.blockageId}, or the office, may reopen it`,
    );
  }
  if (blockage.open) throw illegalState(`blockage ${data.blockageId} is open`, 'blockageId');
  return recorded('BlockageReopened', task, { blockageId: data.blockageId, reason: data.reason });
};
