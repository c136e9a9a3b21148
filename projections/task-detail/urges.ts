import type { TaskEventOf } from '../../contracts/events/task-events.ts';
import type { TaskDetail } from './document.ts';

/** 催办: `by` is the office's actor who recorded it. */
export const withUrge = (
  doc: TaskDetail,
  data: TaskEventOf<'TaskUrged'>['data'],
  stamp: { by: string },
): TaskDetail => ({
  ...doc,
  urges: [
    ...(doc.urges ?? []),
    {
      urgeId: data.urgeId,
      unitId: data.unitId,
      message: data.message,
      replyBy: data.replyBy,
      urgedOn: data.urgedOn,
      by: stamp.by,
    },
  ],
});
