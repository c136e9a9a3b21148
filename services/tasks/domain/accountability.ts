import { notFound, validationError } from '../../../contracts/errors.ts';
import {
  type AccountabilityKind,
  type AccountabilityStatus,
  type AccountabilitySubject,
  personalAccountabilityKinds,
} from '../../../contracts/events/task-events.ts';
import type { DecisionContext } from '../../shared/decider.ts';
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

/**
 * A sanction of a person (诫勉, 警告, 记过) is decided by the discipline bodies
 * or the appointing body: the office (督查室) passes it on as a recommendation
 * (问责建议); its own measures (约谈, 责令检查, 通报批评) and the inspector's
 * records are decisions.
 */
const statusOf = (kind: AccountabilityKind, context: DecisionContext): AccountabilityStatus =>
  context.actor.role === 'office' && personalAccountabilityKinds.includes(kind)
    ? 'recommended'
    : 'decided';

/** 问责: the inspector or the office holds a unit or an official to account for the task. */
export const recordAccountability: OnTask<'RecordAccountability'> = (data, task, context) => {
  const recordId = unusedId('recordId', data.recordId, task.accountabilityRecordIds, 'record');
  const against = subject(data);
  const kind = accountabilityKind(data, against);
  return recorded('AccountabilityRecorded', task, {
    recordId,
    against,
    kind,
    reason: data.reason,
    scoreDeduction: data.scoreDeduction,
    status: statusOf(kind, context),
  });
};
