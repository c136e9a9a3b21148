import type { ServiceSchema } from 'moleculer';
import {
  defineIndicatorInput,
  reportIndicatorValueInput,
} from '../../../contracts/inputs/results.ts';
import { guarded } from '../../shared/action.ts';
import { parseInput } from '../../shared/validate.ts';
import { answerOf, recordedId, type TaskRunner } from './runner.ts';

/** Indicators (实效): what a task must measurably reach, and the values reported. */
export const resultActions = (runner: TaskRunner): ServiceSchema['actions'] => ({
  defineIndicator: guarded('defineIndicator', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(defineIndicatorInput, ctx.params);
    const indicatorId = runner.childId('indicator', actor, data.taskId, idempotencyKey);
    const command = { type: 'DefineIndicator' as const, data: { ...data, indicatorId } };
    const result = await runner.run(ctx, actor, command, idempotencyKey);
    return { indicatorId: recordedId(result, 'indicatorId', indicatorId), ...answerOf(result) };
  }),

  reportIndicatorValue: guarded('reportIndicatorValue', async (ctx, actor) => {
    const { idempotencyKey, ...data } = parseInput(reportIndicatorValueInput, ctx.params);
    const command = { type: 'ReportIndicatorValue' as const, data };
    return answerOf(await runner.run(ctx, actor, command, idempotencyKey));
  }),
});
