import { illegalState } from '../../../contracts/errors.ts';
import { answeredKinds } from '../../../contracts/events/matter-sources.ts';
import { today } from './calendar.ts';
import { evidenceList } from './evidence.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import { headOfLeadUnit } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/** Only a matter has a source to answer: the plan's tasks answer the office by their report. */
const assertHasSource = (task: RegisteredTask): void => {
  if (task.kind === 'annual_plan') {
    throw illegalState(
      `task ${task.taskId} is the annual plan's: it has no source to answer`,
      'taskId',
    );
  }
};

/**
 * 办理答复: the lead unit answers the matter's source, with the reply's own 文号
 * where it has one. A reply after 重新办理 answers again; each is kept.
 */
export const replyToSource: OnTask<'ReplyToSource'> = (data, task, context) => {
  const unitId = headOfLeadUnit(task, context.actor);
  assertHasSource(task);
  const replyId = unusedId('replyId', data.replyId, task.replyIds, 'reply');
  return recorded('SourceReplied', task, {
    replyId,
    text: data.text,
    documentNumber: data.documentNumber,
    evidence: evidenceList(data.evidence),
    repliedByUnitId: unitId,
    repliedOn: today(context),
  });
};

/**
 * A matter whose source expects an answer (see `answeredKinds`) is answered
 * before its completion is reported, and again after 重新办理.
 */
export const assertSourceAnswered = (task: RegisteredTask): void => {
  if (task.kind === 'annual_plan' || !answeredKinds.includes(task.kind)) return;
  if (task.awaitingReply) {
    throw illegalState(
      `task ${task.taskId} is a ${task.kind}: reply to its source (办理答复) before reporting completion`,
      'taskId',
    );
  }
};
