import { z } from 'zod';
import { id, idempotencyKey, text, unitIds } from '../../fields.ts';
import { inputLimits, limits } from '../../limits.ts';
import { command } from '../declare.ts';

/** Leadership instructions (批示) on a task, addressed to units. */

export const issueLeadershipInstructionInput = z.object({
  taskId: id(),
  text: text(limits.description),
  addressedToUnitIds: unitIds(inputLimits.addressees),
  idempotencyKey,
});

export const issueLeadershipInstruction = command({
  roles: { leader: 'all' },
  action: 'tasks.issueLeadershipInstruction',
  mutation: 'issueLeadershipInstruction',
  input: issueLeadershipInstructionInput,
  command: 'IssueLeadershipInstruction',
  newId: { field: 'instructionId', kind: 'instruction', scopeField: 'taskId' },
  lookups: { units: (data) => data.addressedToUnitIds },
});
