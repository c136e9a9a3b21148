import type { DomainEvent } from '../../../contracts/events/index.ts';
import type { TaskDetail } from '../../../projections/task-detail/projection.ts';
import { taskDetailProjection } from '../../../projections/task-detail/projection.ts';
import { deepFreeze, envelopes } from './project.ts';

/**
 * The task page (任务详情) folded from the events, each intermediate document frozen;
 * `actors` names who recorded the event at an index (the office otherwise).
 */
export const taskPage = (
  events: readonly DomainEvent[],
  actors: Readonly<Record<number, string>> = {},
): TaskDetail => {
  const doc = envelopes(events).reduce<TaskDetail | null>(
    (current, envelope, index) =>
      taskDetailProjection.evolve(deepFreeze(current), {
        ...envelope,
        actorId: actors[index] ?? envelope.actorId,
      }),
    null,
  );
  if (!doc) throw new Error('expected a task page');
  return doc;
};
