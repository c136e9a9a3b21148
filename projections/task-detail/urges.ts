import type { PageChange } from './change.ts';

/** 催办: `by` is the office's actor who recorded it. */
export const withUrge: PageChange<'TaskUrged'> = (doc, data, stamp) => ({
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
