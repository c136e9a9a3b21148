import type { Data } from '../events.ts';
import type { TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** 批示: the leader is the actor who recorded it. */
export const withInstruction = (
  doc: TaskDetail,
  data: Data<'LeadershipInstructionIssued'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  instructions: [
    ...doc.instructions,
    {
      id: data.instructionId,
      text: data.text,
      addressedToUnitIds: [...data.addressedToUnitIds],
      issuedAt: stamp.at,
      issuedBy: stamp.by,
    },
  ],
});

/** 问责 */
export const withAccountability = (
  doc: TaskDetail,
  data: Data<'AccountabilityRecorded'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  accountabilityRecords: [
    ...doc.accountabilityRecords,
    {
      id: data.recordId,
      against: { ...data.against },
      kind: data.kind,
      reason: data.reason,
      scoreDeduction: data.scoreDeduction,
      recordedAt: stamp.at,
      recordedBy: stamp.by,
    },
  ],
});
