import { validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { limits } from '../../../contracts/limits.ts';
import type { CommandData } from './commands.ts';
import { knownUnit, requiredText, unusedId } from './rules.ts';
import type { RegisteredTask } from './state.ts';

/** Addressees of one instruction; more is a circular, not an instruction on a task. */
export const maxAddressees = 50;

/** Each addressee is named once and known to the directory; none means the task at large. */
const addressees = (data: CommandData<'IssueLeadershipInstruction'>): string[] => {
  const ids = data.addressedToUnitIds;
  if (ids.length > maxAddressees) {
    throw validationError('addressedToUnitIds', `at most ${maxAddressees} units`);
  }
  ids.forEach((unitId, index) => {
    const field = `addressedToUnitIds[${index}]`;
    if (ids.indexOf(unitId) < index) throw validationError(field, 'must not repeat a unit');
    knownUnit(field, unitId, data.knownUnitIds);
  });
  return [...ids];
};

/** A leader's instruction (批示) on the task, to the units it names. */
export const issueLeadershipInstruction = (
  data: CommandData<'IssueLeadershipInstruction'>,
  task: RegisteredTask,
): TaskEvent[] => [
  {
    type: 'LeadershipInstructionIssued',
    data: {
      taskId: task.taskId,
      instructionId: unusedId(
        'instructionId',
        data.instructionId,
        task.instructionIds,
        'instruction',
      ),
      text: requiredText('text', data.text, limits.description),
      addressedToUnitIds: addressees(data),
    },
  },
];
