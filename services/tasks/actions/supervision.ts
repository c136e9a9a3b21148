import type { ServiceSchema } from 'moleculer';
import {
  answerSupervisionNoticeInput,
  issueLeadershipInstructionInput,
  issueSupervisionNoticeInput,
  recordAccountabilityInput,
} from '../../../contracts/inputs/supervision.ts';
import { guarded } from '../../shared/action.ts';
import { parseInput } from '../../shared/validate.ts';
import { answerOf, recordedId, type TaskContext, type TaskRunner } from './runner.ts';

/** The directory's confirmation of the subject of an accountability record. */
const knownSubject = async (
  runner: TaskRunner,
  ctx: TaskContext,
  against: { kind: 'unit' | 'official'; id: string },
) =>
  against.kind === 'unit'
    ? { knownUnitIds: await runner.knownUnits(ctx, [against.id]), knownOfficialIds: [] }
    : { knownUnitIds: [], knownOfficialIds: await runner.knownOfficials(ctx, [against.id]) };

/** Supervision notices (督办单), leadership instructions (批示) and accountability (问责). */
export const supervisionActions = (runner: TaskRunner): ServiceSchema['actions'] => ({
  issueSupervisionNotice: guarded('issueSupervisionNotice', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(issueSupervisionNoticeInput, ctx.params);
    const noticeId = runner.childId('notice', actor, data.taskId, idempotencyKey);
    const command = { type: 'IssueSupervisionNotice' as const, data: { ...data, noticeId } };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { noticeId: recordedId(result, 'noticeId', noticeId), ...answerOf(result) };
  }),

  answerSupervisionNotice: guarded('answerSupervisionNotice', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(answerSupervisionNoticeInput, ctx.params);
    const command = { type: 'AnswerSupervisionNotice' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  issueLeadershipInstruction: guarded('issueLeadershipInstruction', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(issueLeadershipInstructionInput, ctx.params);
    const instructionId = runner.childId('instruction', actor, data.taskId, idempotencyKey);
    const knownUnitIds = await runner.knownUnits(ctx, data.addressedToUnitIds);
    const command = {
      type: 'IssueLeadershipInstruction' as const,
      data: { ...data, instructionId, knownUnitIds },
    };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return {
      instructionId: recordedId(result, 'instructionId', instructionId),
      ...answerOf(result),
    };
  }),

  recordAccountability: guarded('recordAccountability', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(recordAccountabilityInput, ctx.params);
    const recordId = runner.childId('accountability', actor, data.taskId, idempotencyKey);
    const known = await knownSubject(runner, ctx, data.against);
    const command = {
      type: 'RecordAccountability' as const,
      data: { ...data, recordId, ...known },
    };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { recordId: recordedId(result, 'recordId', recordId), ...answerOf(result) };
  }),
});
