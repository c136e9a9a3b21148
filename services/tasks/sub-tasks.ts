import type { TaskEvent } from '../../contracts/events/index.ts';
import type { TaskEventOf } from '../../contracts/events/task-events.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import type { FollowUp } from '../shared/command-actions.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { runCommand } from '../shared/run-command.ts';
import { taskDecider } from './domain/decider.ts';

/**
 * Creates the sub-tasks of every split the command recorded (分解交办), each on
 * its own stream, in the name of whoever split. Each is registered under a key
 * derived from its id (itself derived from the split's), so a retried split, or
 * one whose first run stopped half-way, creates those missing and nothing twice.
 */
export const createSubTasks =
  (deps: ServiceDeps): FollowUp =>
  async (ctx, actor, result) => {
    const splits = result.events
      .map((stored) => toDomainEvent<TaskEvent>(stored))
      .filter((event): event is TaskEventOf<'TaskSplit'> => event.type === 'TaskSplit');
    for (const { data } of splits) {
      const { section, responsibleLeader } = data;
      await Promise.all(
        data.subTasks.map((subTask) =>
          runCommand(
            deps,
            ctx,
            actor,
            taskDecider,
            taskStreamId(subTask.subTaskId),
            {
              type: 'RegisterSubTask',
              data: {
                taskId: subTask.subTaskId,
                parentTaskId: data.taskId,
                split: { section, responsibleLeader, subTask },
              },
            },
            `sub-task|${subTask.subTaskId}`,
          ),
        ),
      );
    }
  };
