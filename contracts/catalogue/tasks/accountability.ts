import { z } from 'zod';
import { accountabilityKinds } from '../../events/task-events.ts';
import { between, id, oneOf, reason } from '../../fields.ts';
import { inputLimits } from '../../limits.ts';
import { command, onTask, partOf, served } from '../declare.ts';

/** Accountability (问责) recorded against a unit or an official. */

const accountabilitySubject = z.object(
  { kind: oneOf(['unit', 'official'] as const), id: id() },
  { error: 'must be { kind: unit or official, id }' },
);

export const recordAccountabilityInput = onTask({
  against: accountabilitySubject,
  kind: oneOf(accountabilityKinds),
  reason: reason(),
  scoreDeduction: between(0, inputLimits.scoreDeduction)
    .nullish()
    .transform((value) => value ?? 0),
});

export const accountabilityCommands = served('tasks', {
  recordAccountability: command({ office: 'all', inspector: 'all' }, recordAccountabilityInput, {
    newId: partOf('accountability', 'recordId'),
    lookups: {
      units: (data) => (data.against.kind === 'unit' ? [data.against.id] : []),
      officials: (data) => (data.against.kind === 'official' ? [data.against.id] : []),
    },
  }),
});
