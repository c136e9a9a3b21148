import type { Data } from '../events.ts';
import type { TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** The page after a split (分解交办): its sub-tasks listed, with who split them and when. */
export const withSplit = (doc: TaskDetail, data: Data<'TaskSplit'>, stamp: Stamp): TaskDetail => ({
  ...doc,
  subTasks: [
    ...(doc.subTasks ?? []),
    ...data.subTasks.map((subTask) => ({
      ...subTask,
      splitId: data.splitId,
      splitAt: stamp.at,
      splitBy: stamp.by,
    })),
  ],
});
