/** Stream ids are built here and nowhere else. */
export const taskStreamId = (taskId: string): string => `task-${taskId}`;
export const unitStreamId = (unitId: string): string => `unit-${unitId}`;

export const streamCategory = (streamId: string): string => streamId.split('-', 1)[0] ?? '';
