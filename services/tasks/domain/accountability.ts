import { notFound, validationError } from '../../../contracts/errors.ts';
import {
  type AccountabilitySubject,
  personalAccountabilityKinds,
} from '../../../contracts/events/task-events.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';

/** The unit or official held to account, as the directory knows them. */
const subject = (data: CommandData<'RecordAccountability'>): AccountabilitySubject => {
  const { kind, id } = data.against;
  const known = kind === 'unit' ? data.knownUnitIds : data.knownOfficialIds;
  if (!known.includes(id)) throw notFound('against.id', `${kind} ${id}`);
  return { kind, id };
};

const accountabilityKind = (
  data: CommandData<'RecordAccountability'>,
  against: AccountabilitySubject,
) => {
  const { kind } = data;
  if (against.kind === 'unit' && personalAccountabilityKinds.includes(kind)) {
    throw validationError('kind', `${kind} applies to an official, not a unit`);
  }
  return kind;
};

/** 问责: the inspector or the office holds a unit or an official to account for the task. */
export const recordAccountability: OnTask<'RecordAccountability'> = (data, task) => {
  const recordId = unusedId('recordId', data.recordId, task.accountabilityRecordIds, 'record');
  const against = subject(data);
  return recorded('AccountabilityRecorded', task, {
    recordId,
    against,
    kind: accountabilityKind(data, against),
    reason: data.reason,
    scoreDeduction: data.scoreDeduction,
  });
};
