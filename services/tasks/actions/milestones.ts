import type { ServiceSchema } from 'moleculer';
import {
  approveDeadlineExtensionInput,
  rejectDeadlineExtensionInput,
  reopenMilestoneInput,
  requestDeadlineExtensionInput,
} from '../../../contracts/inputs/milestones.ts';
import { guarded } from '../../shared/action.ts';
import { parseInput } from '../../shared/validate.ts';
import { answerOf, recordedId, type TaskRunner } from './runner.ts';

/** Deadline extensions (asked before the deadline, decided by a leader) and reopening. */
export const milestoneActions = (runner: TaskRunner): ServiceSchema['actions'] => ({
  requestDeadlineExtension: guarded('requestDeadlineExtension', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(requestDeadlineExtensionInput, ctx.params);
    const requestId = runner.childId('extension', actor, data.taskId, idempotencyKey);
    const command = { type: 'RequestDeadlineExtension' as const, data: { ...data, requestId } };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { requestId: recordedId(result, 'requestId', requestId), ...answerOf(result) };
  }),

  approveDeadlineExtension: guarded('approveDeadlineExtension', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(approveDeadlineExtensionInput, ctx.params);
    const command = { type: 'ApproveDeadlineExtension' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  rejectDeadlineExtension: guarded('rejectDeadlineExtension', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(rejectDeadlineExtensionInput, ctx.params);
    const command = { type: 'RejectDeadlineExtension' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  reopenMilestone: guarded('reopenMilestone', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(reopenMilestoneInput, ctx.params);
    const command = { type: 'ReopenMilestone' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),
});
