import { illegalState, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import { assumedPart } from './assumed.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import type { TaskState } from './state.ts';

/** A task is registered once, from one sentence of the work report. */
export const registerTask = (data: CommandData<'RegisterTask'>, state: TaskState): TaskEvent[] => {
  if (state.registered) throw illegalState(`task ${data.taskId} is already registered`, 'taskId');
  const { taskId, title, description, section, plannedStart, dueDate } = data;
  if (dueDate < plannedStart) throw validationError('dueDate', 'must not be before plannedStart');
  return [
    {
      type: 'TaskRegistered',
      data: {
        taskId,
        title,
        description,
        section,
        plannedStart,
        dueDate,
        ...assumedPart(data.assumed),
      },
    },
  ];
};

/** Each cooperating unit is named once and is not the lead unit. */
const assertCooperatingUnits = (data: CommandData<'AssignTask'>): void => {
  const ids = data.cooperatingUnitIds;
  ids.forEach((unitId, index) => {
    const field = `cooperatingUnitIds[${index}]`;
    if (unitId === data.leadUnitId) throw validationError(field, 'must not be the lead unit');
    if (ids.indexOf(unitId) < index) throw validationError(field, 'must not repeat a unit');
    knownUnit(field, unitId, data.knownUnitIds);
  });
};

/** Assigns (or re-assigns) the lead unit, cooperating units and responsible leader. */
export const assignTask: OnTask<'AssignTask'> = (data, task) => {
  knownUnit('leadUnitId', data.leadUnitId, data.knownUnitIds);
  assertCooperatingUnits(data);
  return recorded('TaskAssigned', task, {
    leadUnitId: data.leadUnitId,
    cooperatingUnitIds: [...data.cooperatingUnitIds],
    responsibleLeader: data.responsibleLeader,
    ...assumedPart(data.assumed),
    // Named only when given: absent reads as on_milestones, as before cycles existed.
    ...(data.reportingCycle === undefined ? {} : { reportingCycle: data.reportingCycle }),
  });
};
