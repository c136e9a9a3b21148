import type { ServiceSchema } from 'moleculer';
import {
  assignTaskInput,
  completeMilestoneInput,
  planMilestoneInput,
  registerTaskInput,
  reportBlockageInput,
  reportProgressInput,
  resolveBlockageInput,
} from '../../../contracts/inputs.ts';
import { guarded } from '../../shared/action.ts';
import { parseInput } from '../../shared/validate.ts';
import { answerOf, recordedId, type TaskRunner } from './runner.ts';

/** The first commands of the system: register, assign, plan, report, block, resolve. */
export const foundationActions = (runner: TaskRunner): ServiceSchema['actions'] => ({
  registerTask: guarded('registerTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(registerTaskInput, ctx.params);
    const taskId = runner.childId('task', actor, '', idempotencyKey);
    const command = { type: 'RegisterTask' as const, data: { taskId, ...data } };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { id: taskId, ...answerOf(result) };
  }),

  assignTask: guarded('assignTask', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(assignTaskInput, ctx.params);
    const knownUnitIds = await runner.knownUnits(ctx, [
      data.leadUnitId,
      ...data.cooperatingUnitIds,
    ]);
    const command = { type: 'AssignTask' as const, data: { ...data, knownUnitIds } };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  planMilestone: guarded('planMilestone', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(planMilestoneInput, ctx.params);
    const milestoneId = runner.childId('milestone', actor, data.taskId, idempotencyKey);
    const command = { type: 'PlanMilestone' as const, data: { ...data, milestoneId } };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { milestoneId: recordedId(result, 'milestoneId', milestoneId), ...answerOf(result) };
  }),

  reportProgress: guarded('reportProgress', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(reportProgressInput, ctx.params);
    const command = { type: 'ReportProgress' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  completeMilestone: guarded('completeMilestone', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(completeMilestoneInput, ctx.params);
    const command = { type: 'CompleteMilestone' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  reportBlockage: guarded('reportBlockage', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(reportBlockageInput, ctx.params);
    const blockageId = runner.childId('blockage', actor, data.taskId, idempotencyKey);
    const knownUnitIds = await runner.knownUnits(ctx, [data.waitingOnUnitId]);
    const command = {
      type: 'ReportBlockage' as const,
      data: { ...data, blockageId, knownUnitIds },
    };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { blockageId: recordedId(result, 'blockageId', blockageId), ...answerOf(result) };
  }),

  resolveBlockage: guarded('resolveBlockage', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(resolveBlockageInput, ctx.params);
    const command = { type: 'ResolveBlockage' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),
});
