import type { PageChange } from './change.ts';

/** 批示: the leader is the actor who recorded it. */
export const withInstruction: PageChange<'LeadershipInstructionIssued'> = (doc, data, stamp) => ({
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
export const withAccountability: PageChange<'AccountabilityRecorded'> = (doc, data, stamp) => ({
  ...doc,
  accountabilityRecords: [
    ...doc.accountabilityRecords,
    {
      id: data.recordId,
      against: { ...data.against },
      kind: data.kind,
      reason: data.reason,
      scoreDeduction: data.scoreDeduction,
      status: data.status ?? 'decided',
      recordedAt: stamp.at,
      recordedBy: stamp.by,
    },
  ],
});

/** 加分: the leader is the actor who recorded it. */
export const withBonus: PageChange<'BonusAwarded'> = (doc, data, stamp) => ({
  ...doc,
  bonuses: [
    ...(doc.bonuses ?? []),
    {
      id: data.bonusId,
      unitId: data.unitId,
      kind: data.kind,
      points: data.points,
      reason: data.reason,
      awardedOn: data.awardedOn,
      awardedAt: stamp.at,
      awardedBy: data.awardedBy,
    },
  ],
});
