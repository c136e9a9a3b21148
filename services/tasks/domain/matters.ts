import { illegalState, validationError } from '../../../contracts/errors.ts';
import { matterLimitOf, matterRulesOf, type TaskEvent } from '../../../contracts/events/index.ts';
import { type MatterSource, numberedKinds } from '../../../contracts/events/matter-sources.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import { addWorkingDays } from '../../../domain/calendar/work-calendar.ts';
import { defaultRuleset } from '../../../domain/rulesets/default-ruleset.ts';
import { assumedPart } from './assumed.ts';
import type { CommandData } from './commands.ts';
import type { TaskState } from './state.ts';

type Matter = CommandData<'RegisterMatter'>;

/** 文号 where the kind has one: every kind but a leader's (often oral) assignment. */
const documentNumberOf = (source: Matter['source']): string | null => {
  if (numberedKinds.includes(source.kind) && !source.documentNumber) {
    throw validationError(
      'source.documentNumber',
      `is required for a ${source.kind}: its document number (文号)`,
    );
  }
  return source.documentNumber;
};

/** A clue says where it came in; no other kind has a channel. */
const channelOf = (source: Matter['source']): MatterSource['channel'] => {
  const channel = source.channel ?? null;
  if (source.kind === 'public_clue' && channel === null) {
    throw validationError('source.channel', 'is required for a public_clue');
  }
  if (source.kind !== 'public_clue' && channel !== null) {
    throw validationError('source.channel', 'must be given only for a public_clue');
  }
  return channel;
};

/** The source as recorded, each field checked against its kind's rules. */
const sourceOf = (source: Matter['source']): MatterSource => ({
  kind: source.kind,
  documentNumber: documentNumberOf(source),
  issuer: source.issuer,
  issuedOn: source.issuedOn,
  originalText: source.originalText,
  channel: channelOf(source),
});

/**
 * The due date given, not before the day issued; else the kind's time limit in
 * the ruleset in force, counted in working days from the day issued.
 */
const dueDateOf = (data: Matter): string => {
  const { issuedOn, kind } = data.source;
  if (data.dueDate) {
    if (data.dueDate < issuedOn) {
      throw validationError('dueDate', 'must not be before source.issuedOn');
    }
    return data.dueDate;
  }
  const limit = matterLimitOf(matterRulesOf(data.ruleset ?? defaultRuleset), kind);
  return addWorkingDays(calendarsInForce(data.calendars ?? []), issuedOn, limit);
};

/**
 * 事项登记: a matter from a source other than the plan (批示件, 会议议定, 交办,
 * 建议, 提案, 诉求/线索) becomes a task like any other, from the day issued, its
 * source kept with it. It shares the task's lifecycle, lights, boards and scores.
 */
export const registerMatter = (data: Matter, state: TaskState): TaskEvent[] => {
  if (state.registered) throw illegalState(`task ${data.taskId} is already registered`, 'taskId');
  const source = sourceOf(data.source);
  return [
    {
      type: 'TaskRegistered',
      data: {
        taskId: data.taskId,
        title: data.title,
        description: data.description,
        section: data.section,
        plannedStart: source.issuedOn,
        dueDate: dueDateOf(data),
        ...assumedPart(data.assumed),
        source,
      },
    },
  ];
};
