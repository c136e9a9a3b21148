import { notFound, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import {
  type AccountabilitySubject,
  accountabilityKinds,
  personalAccountabilityKinds,
} from '../../../contracts/events/task-events.ts';
import type { CommandData } from './commands.ts';
import { finiteNumber, oneOf, reasonText, unusedId } from './rules.ts';
import type { RegisteredTask } from './state.ts';

/** A deduction beyond the whole score of a period means a typo, not a sanction. */
export const maxScoreDeduction = 100;

/** The unit or official held to account, as the directory knows them. */
const subject = (data: CommandData<'RecordAccountability'>): AccountabilitySubject => {
  const kind = oneOf('against.kind', data.against.kind, ['unit', 'official'] as const);
  const known = kind === 'unit' ? data.knownUnitIds : data.knownOfficialIds;
  if (!known.includes(data.against.id)) throw notFound('against.id', `${kind} ${data.against.id}`);
  return { kind, id: data.against.id };
};

const accountabilityKind = (
  data: CommandData<'RecordAccountability'>,
  against: AccountabilitySubject,
) => {
  const kind = oneOf('kind', data.kind, accountabilityKinds);
  if (against.kind === 'unit' && personalAccountabilityKinds.includes(kind)) {
    throw validationError('kind', `${kind} applies to an official, not a unit`);
  }
  return kind;
};

const scoreDeduction = (value: number): number => {
  const points = finiteNumber('scoreDeduction', value);
  if (points < 0 || points > maxScoreDeduction) {
    throw validationError('scoreDeduction', `must be between 0 and ${maxScoreDeduction}`);
  }
  return points;
};

/** 问责: the inspector or the office holds a unit or an official to account for the task. */
export const recordAccountability = (
  data: CommandData<'RecordAccountability'>,
  task: RegisteredTask,
): TaskEvent[] => {
  const recordId = unusedId('recordId', data.recordId, task.accountabilityRecordIds, 'record');
  const against = subject(data);
  return [
    {
      type: 'AccountabilityRecorded',
      data: {
        taskId: task.taskId,
        recordId,
        against,
        kind: accountabilityKind(data, against),
        reason: reasonText(data.reason),
        scoreDeduction: scoreDeduction(data.scoreDeduction),
      },
    },
  ];
};
