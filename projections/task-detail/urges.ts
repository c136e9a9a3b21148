import type { PageChange } from './change.ts';

/** 催办: `by` is the actor who recorded it: the office's, or `clock` for the clock's own. */
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
      cause: data.cause ?? null,
      answer: null,
      answeredOn: null,
      overdueOn: null,
      escalatedTo: null,
    },
  ],
});
