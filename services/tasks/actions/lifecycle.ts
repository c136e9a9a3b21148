import type { ServiceSchema } from 'moleculer';
import {
  acceptTaskCompletionInput,
  rejectTaskCompletionInput,
  reportTaskCompletionInput,
  resumeTaskInput,
  returnTaskInput,
  signTaskInput,
  suspendTaskInput,
  terminateTaskInput,
  transferTaskInput,
} from '../../../contracts/inputs/task-lifecycle.ts';
import { guarded } from '../../shared/action.ts';
import { parseInput } from '../../shared/validate.ts';
import { answerOf, type TaskRunner } from './runner.ts';

/** The task's own lifecycle: 签收, transfer and return, 办结 report and review, suspension. */
export const lifecycleActions = (runner: TaskRunner): ServiceSchema['actions'] => ({
  signTask: guarded('signTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(signTaskInput, ctx.params);
    const command = { type: 'SignTask' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  transferTask: guarded('transferTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(transferTaskInput, ctx.params);
    const knownUnitIds = await runner.knownUnits(ctx, [data.toUnitId]);
    const command = { type: 'TransferTask' as const, data: { ...data, knownUnitIds } };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  returnTask: guarded('returnTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(returnTaskInput, ctx.params);
    const command = { type: 'ReturnTask' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  reportTaskCompletion: guarded('reportTaskCompletion', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(reportTaskCompletionInput, ctx.params);
    const command = { type: 'ReportTaskCompletion' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  acceptTaskCompletion: guarded('acceptTaskCompletion', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(acceptTaskCompletionInput, ctx.params);
    const command = { type: 'AcceptTaskCompletion' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  rejectTaskCompletion: guarded('rejectTaskCompletion', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(rejectTaskCompletionInput, ctx.params);
    const command = { type: 'RejectTaskCompletion' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  suspendTask: guarded('suspendTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(suspendTaskInput, ctx.params);
    const command = { type: 'SuspendTask' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  resumeTask: guarded('resumeTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(resumeTaskInput, ctx.params);
    const command = { type: 'ResumeTask' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  terminateTask: guarded('terminateTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(terminateTaskInput, ctx.params);
    const command = { type: 'TerminateTask' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),
});
