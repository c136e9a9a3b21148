import type { Data } from '../events.ts';
import type { TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** The page after the clock recorded a change of the task's light: its history grows by one. */
export const withLightChanged = (
  doc: TaskDetail,
  data: Data<'TaskLightChanged'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  lightChanges: [
    ...(doc.lightChanges ?? []),
    {
      day: data.day,
      from: data.from,
      to: data.to,
      reasons: [...data.reasons],
      actual: data.actual,
      expected: data.expected,
      rulesetVersion: data.rulesetVersion,
      recordedAt: stamp.at,
    },
  ],
});
