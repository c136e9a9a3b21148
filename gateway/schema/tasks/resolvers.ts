import type { GatewayContext } from '../../context.ts';

/** The task page's own field: its history, read as `taskHistory` reads it. */
export const taskResolvers = {
  Task: {
    /** The history read model, reachable from the page it explains. */
    history: (task: { id: string }, page: Record<string, unknown>, ctx: GatewayContext) =>
      ctx.call('views.taskHistory', { id: task.id, ...page }),
  },
};
