import { ApiError, gql } from '../../core/api.ts';
import { writtenUpTo } from '../../core/written.ts';
import { taskPositionQuery } from '../../operations/tasks.ts';

const tries = 40;
const pauseMs = 150;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The position the task's read model has reached; 0 while it does not know the task yet. */
const positionOf = async (taskId: string): Promise<number> => {
  try {
    const { task } = await gql<{ task: { position: number } | null }>(taskPositionQuery, {
      id: taskId,
    });
    return task?.position ?? 0;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return 0;
    throw error;
  }
};

/**
 * Waits (six seconds at most) until the task's read model has the user's last
 * write to it, so what is drawn next shows what was just done: a task just
 * registered is unknown to it for a moment.
 */
export const ownWrite = async (taskId: string): Promise<void> => {
  const target = writtenUpTo(taskId);
  for (let attempt = 1; target > 0 && attempt <= tries; attempt++) {
    if ((await positionOf(taskId)) >= target) return;
    await pause(pauseMs);
  }
};
