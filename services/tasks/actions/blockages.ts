import type { ServiceSchema } from 'moleculer';
import {
  assignBlockageCoordinationInput,
  escalateBlockageInput,
  reopenBlockageInput,
} from '../../../contracts/inputs/blockages.ts';
import { guarded } from '../../shared/action.ts';
import { parseInput } from '../../shared/validate.ts';
import { answerOf, type TaskRunner } from './runner.ts';

/** A blockage's (堵点) follow-up: escalated, given a coordinating unit, reopened. */
export const blockageActions = (runner: TaskRunner): ServiceSchema['actions'] => ({
  escalateBlockage: guarded('escalateBlockage', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(escalateBlockageInput, ctx.params);
    const command = { type: 'EscalateBlockage' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  assignBlockageCoordination: guarded('assignBlockageCoordination', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(assignBlockageCoordinationInput, ctx.params);
    const knownUnitIds = await runner.knownUnits(ctx, [data.coordinatorUnitId]);
    const command = {
      type: 'AssignBlockageCoordination' as const,
      data: { ...data, knownUnitIds },
    };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),

  reopenBlockage: guarded('reopenBlockage', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(reopenBlockageInput, ctx.params);
    const command = { type: 'ReopenBlockage' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),
});
