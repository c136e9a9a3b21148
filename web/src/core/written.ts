/**
 * The log position of the user's last write to each task, as the mutation
 * answered it: a page of that task waits for its read model to reach it, so
 * what the user just did is shown (read your own writes).
 */
const written = new Map<string, number>();

export const noteWritten = (taskId: string, position: number): void => {
  written.set(taskId, Math.max(position, written.get(taskId) ?? 0));
};

export const writtenUpTo = (taskId: string): number => written.get(taskId) ?? 0;
