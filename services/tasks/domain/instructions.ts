import { validationError } from '../../../contracts/errors.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';

/** Each addressee is named once and known to the directory; none means the task at large. */
const addressees = (data: CommandData<'IssueLeadershipInstruction'>): string[] => {
  const ids = data.addressedToUnitIds;
  ids.forEach((unitId, index) => {
    const field = `addressedToUnitIds[${index}]`;
    if (ids.indexOf(unitId) < index) throw validationError(field, 'must not repeat a unit');
    knownUnit(field, unitId, data.knownUnitIds);
  });
  return [...ids];
};

/** A leader's instruction (批示) on the task, to the units it names. */
export const issueLeadershipInstruction: OnTask<'IssueLeadershipInstruction'> = (data, task) =>
  recorded('LeadershipInstructionIssued', task, {
    instructionId: unusedId(
      'instructionId',
      data.instructionId,
      task.instructionIds,
      'instruction',
    ),
    text: data.text,
    addressedToUnitIds: addressees(data),
  });
