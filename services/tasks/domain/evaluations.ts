import { illegalState } from '../../../contracts/errors.ts';
import { matterRulesOf } from '../../../contracts/events/index.ts';
import { evaluatedKinds } from '../../../contracts/events/matter-sources.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import { addWorkingDays } from '../../../domain/calendar/work-calendar.ts';
import { defaultRuleset } from '../../../domain/rulesets/default-ruleset.ts';
import { today } from './calendar.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import type { RegisteredTask } from './state.ts';

/** The reply to rate: the last one, not rated yet. Only 建议 and 提案 are rated. */
const replyToRate = (task: RegisteredTask): string => {
  if (task.kind === 'annual_plan' || !evaluatedKinds.includes(task.kind)) {
    throw illegalState(
      `task ${task.taskId} is a ${task.kind}: only a deputy_suggestion or a cppcc_proposal is rated by its proposer`,
      'taskId',
    );
  }
  if (task.lastReplyId === null || task.lastReplyRated) {
    throw illegalState(
      `task ${task.taskId} has no reply to rate: the lead unit answers (办理答复) first`,
      'taskId',
    );
  }
  return task.lastReplyId;
};

/**
 * 重新办理 after a 不满意: the matter is open again (its completion, even an
 * accepted one, is undone), due the ruleset's redo limit in working days from
 * today, or on its own due date when that is later: a reopening gives the unit
 * time to answer again, it never takes away time it was given.
 */
const later = (a: string, b: string): string => (a > b ? a : b);

const reopened = (
  data: CommandData<'RecordProposerEvaluation'>,
  task: RegisteredTask,
  reopenedOn: string,
) => {
  const { redoWorkingDays } = matterRulesOf(data.ruleset ?? defaultRuleset);
  const calendars = calendarsInForce(data.calendars ?? []);
  return recorded('TaskReopenedForRedo', task, {
    evaluationId: data.evaluationId,
    previousDueDate: task.dueDate,
    dueDate: later(task.dueDate, addWorkingDays(calendars, reopenedOn, redoWorkingDays)),
    reopenedOn,
  });
};

/**
 * 满意度征询: the office records the proposer's rating of the last reply, with the
 * proposer's words. 不满意 reopens the matter for 重新办理 and counts against the
 * lead unit; the next reply can be rated again.
 */
export const recordProposerEvaluation: OnTask<'RecordProposerEvaluation'> = (
  data,
  task,
  context,
) => {
  const evaluationId = unusedId(
    'evaluationId',
    data.evaluationId,
    task.evaluationIds,
    'evaluation',
  );
  const replyId = replyToRate(task);
  const recordedOn = today(context);
  const evaluation = recorded('ProposerEvaluationRecorded', task, {
    evaluationId,
    replyId,
    rating: data.rating,
    comment: data.comment,
    unitId: task.lastReplyUnitId ?? '',
    recordedOn,
  });
  return data.rating === 'dissatisfied'
    ? [...evaluation, ...reopened(data, task, recordedOn)]
    : evaluation;
};
