import type { Context, ServiceSchema } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import {
  assignTaskInput,
  completeMilestoneInput,
  planMilestoneInput,
  registerTaskInput,
  reportBlockageInput,
  reportProgressInput,
  resolveBlockageInput,
} from '../../contracts/inputs.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import { deterministicId, newId } from '../../infra/ids/ids.ts';
import type { RequestMeta } from '../shared/action.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { runCommand } from '../shared/run-command.ts';
import { parseInput } from '../shared/validate.ts';
import type { TaskCommand } from './domain/commands.ts';
import { taskDecider } from './domain/decider.ts';

/**
 * The command side of tasks: validates input, builds the command with the actor
 * and request ids, runs the decider. No business rule lives here.
 */
export const createTasksService = (deps: ServiceDeps): ServiceSchema => {
  const run = async (
    ctx: Context<unknown, RequestMeta>,
    actor: Actor,
    command: TaskCommand,
    idempotencyKey: string | undefined,
  ) => {
    const streamId = taskStreamId(command.data.taskId);
    return runCommand(deps, ctx, actor, taskDecider, streamId, command, idempotencyKey);
  };

  /** A new child id; derived from the idempotency key so a retry names the same entity. */
  const childId = (kind: string, actor: Actor, scope: string, key: string | undefined) =>
    key ? deterministicId(`${kind}|${scope}|${actor.id}|${key}`) : newId();

  const knownUnits = (ctx: Context<unknown, RequestMeta>, ids: (string | null)[]) =>
    ctx.call<string[], { ids: string[] }>('directory.knownUnits', {
      ids: ids.filter((id): id is string => id !== null),
    });

  return {
    name: 'tasks',
    actions: {
      registerTask: guarded('registerTask', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(registerTaskInput, ctx.params);
        const taskId = childId('task', actor, '', idempotencyKey);
        const result = await run(
          ctx,
          actor,
          { type: 'RegisterTask', data: { taskId, ...data } },
          idempotencyKey,
        );
        return { id: taskId, revision: result.revision, position: result.position };
      }),

      assignTask: guarded('assignTask', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(assignTaskInput, ctx.params);
        const knownUnitIds = await knownUnits(ctx, [data.leadUnitId, ...data.cooperatingUnitIds]);
        const result = await run(
          ctx,
          actor,
          { type: 'AssignTask', data: { ...data, knownUnitIds } },
          idempotencyKey,
        );
        return { revision: result.revision, position: result.position };
      }),

      planMilestone: guarded('planMilestone', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(planMilestoneInput, ctx.params);
        const milestoneId = childId('milestone', actor, data.taskId, idempotencyKey);
        const command = { type: 'PlanMilestone' as const, data: { ...data, milestoneId } };
        const result = await run(ctx, actor, command, idempotencyKey);
        const planned = result.events[0]?.data as { milestoneId?: string } | undefined;
        return {
          milestoneId: planned?.milestoneId ?? milestoneId,
          revision: result.revision,
          position: result.position,
        };
      }),

      reportProgress: guarded('reportProgress', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(reportProgressInput, ctx.params);
        const result = await run(ctx, actor, { type: 'ReportProgress', data }, idempotencyKey);
        return { revision: result.revision, position: result.position };
      }),

      completeMilestone: guarded('completeMilestone', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(completeMilestoneInput, ctx.params);
        const result = await run(ctx, actor, { type: 'CompleteMilestone', data }, idempotencyKey);
        return { revision: result.revision, position: result.position };
      }),

      reportBlockage: guarded('reportBlockage', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(reportBlockageInput, ctx.params);
        const blockageId = childId('blockage', actor, data.taskId, idempotencyKey);
        const knownUnitIds = await knownUnits(ctx, [data.waitingOnUnitId]);
        const command = {
          type: 'ReportBlockage' as const,
          data: { ...data, blockageId, knownUnitIds },
        };
        const result = await run(ctx, actor, command, idempotencyKey);
        const reported = result.events[0]?.data as { blockageId?: string } | undefined;
        return {
          blockageId: reported?.blockageId ?? blockageId,
          revision: result.revision,
          position: result.position,
        };
      }),

      resolveBlockage: guarded('resolveBlockage', async (ctx, actor) => {
        const { idempotencyKey, ...data } = parseInput(resolveBlockageInput, ctx.params);
        const result = await run(ctx, actor, { type: 'ResolveBlockage', data }, idempotencyKey);
        return { revision: result.revision, position: result.position };
      }),

      health: async () => {
        await deps.eventStore.ping();
        return { ok: true };
      },
    },
  };
};
