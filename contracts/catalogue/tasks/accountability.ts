import { z } from 'zod';
import { accountabilityKinds } from '../../events/task-events.ts';
import { between, id, idempotencyKey, oneOf, reason } from '../../fields.ts';
import { inputLimits } from '../../limits.ts';
import { command } from '../declare.ts';

/** Accountability (问责) recorded against a unit or an official. */

const accountabilitySubject = z.object(
  { kind: oneOf(['unit', 'official'] as const), id: id() },
  { error: 'must be { kind: unit or official, id }' },
);

export const recordAccountabilityInput = z.object({
  taskId: id(),
  against: accountabilitySubject,
  kind: oneOf(accountabilityKinds),
  reason: reason(),
  scoreDeduction: between(0, inputLimits.scoreDeduction)
    .nullish()
    .transform((value) => value ?? 0),
  idempotencyKey,
});

export const recordAccountability = command({
  roles: { office: 'all', inspector: 'all' },
  action: 'tasks.recordAccountability',
  mutation: 'recordAccountability',
  input: recordAccountabilityInput,
  command: 'RecordAccountability',
  newId: { field: 'recordId', kind: 'accountability', scopeField: 'taskId' },
  lookups: {
    units: (data) => (data.against.kind === 'unit' ? [data.against.id] : []),
    officials: (data) => (data.against.kind === 'official' ? [data.against.id] : []),
  },
});
