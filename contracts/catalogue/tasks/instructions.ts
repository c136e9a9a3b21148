import { text, unitIds } from '../../fields.ts';
import { inputLimits, limits } from '../../limits.ts';
import { command, onTask, partOf, served } from '../declare.ts';

/** Leadership instructions (批示) on a task, addressed to units. */

export const issueLeadershipInstructionInput = onTask({
  text: text(limits.description),
  addressedToUnitIds: unitIds(inputLimits.addressees),
});

export const instructionCommands = served('tasks', {
  issueLeadershipInstruction: command({ leader: 'all' }, issueLeadershipInstructionInput, {
    newId: partOf('instruction', 'instructionId'),
    lookups: { units: (data) => data.addressedToUnitIds },
  }),
});
