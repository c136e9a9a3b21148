import { updateItem } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { BlockageDetail, TaskDetail } from './document.ts';

const changeBlockage = (
  doc: TaskDetail,
  blockageId: string,
  change: (blockage: BlockageDetail) => BlockageDetail,
): TaskDetail => ({ ...doc, blockages: updateItem(doc.blockages, blockageId, change) });

/** A new open blockage (堵点), not escalated, without a coordinator. */
export const withBlockageReported: PageChange<'BlockageReported'> = (doc, data, stamp) => {
  const blockage: BlockageDetail = {
    id: data.blockageId,
    description: data.description,
    waitingOnUnitId: data.waitingOnUnitId,
    status: 'open',
    reportedAt: stamp.at,
    resolvedAt: null,
    resolution: null,
    reportedByUnitId: data.reportedByUnitId,
    reportedBy: stamp.by,
    escalationLevel: 0,
    escalations: [],
    coordinatorUnitId: null,
    coordinationNote: null,
    coordinationAssignedAt: null,
    reopenings: [],
  };
  return { ...doc, blockages: [...doc.blockages, blockage] };
};

/** Resolved, with the resolution; it may be reopened later. */
export const withBlockageResolved: PageChange<'BlockageResolved'> = (doc, data, stamp) =>
  changeBlockage(doc, data.blockageId, (blockage) => ({
    ...blockage,
    status: 'resolved',
    resolvedAt: stamp.at,
    resolution: data.resolution,
  }));

/** The decider only ever raises the level, so the last escalation's is the level. */
export const withBlockageEscalated: PageChange<'BlockageEscalated'> = (doc, data, stamp) =>
  changeBlockage(doc, data.blockageId, (blockage) => ({
    ...blockage,
    escalationLevel: data.level,
    escalations: [
      ...blockage.escalations,
      { level: data.level, escalatedByRole: data.by, escalatedAt: stamp.at, escalatedBy: stamp.by },
    ],
  }));

/** The unit a leader named to coordinate; a later assignment replaces it. */
export const withCoordinationAssigned: PageChange<'BlockageCoordinationAssigned'> = (
  doc,
  data,
  stamp,
) =>
  changeBlockage(doc, data.blockageId, (blockage) => ({
    ...blockage,
    coordinatorUnitId: data.coordinatorUnitId,
    coordinationNote: data.note,
    coordinationAssignedAt: stamp.at,
  }));

/** The unit waited on says its part is done; the blockage stays open until the unit held up resolves it. */
export const withBlockagePartDeclaredDone: PageChange<'BlockagePartDeclaredDone'> = (
  doc,
  data,
  stamp,
) =>
  changeBlockage(doc, data.blockageId, (blockage) => ({
    ...blockage,
    partDone: { unitId: data.unitId, note: data.note, declaredAt: stamp.at, declaredBy: stamp.by },
  }));

/** Open again; the resolution it had moves to the reopening's record. */
export const withBlockageReopened: PageChange<'BlockageReopened'> = (doc, data, stamp) =>
  changeBlockage(doc, data.blockageId, (blockage) => ({
    ...blockage,
    status: 'open',
    resolvedAt: null,
    resolution: null,
    reopenings: [
      ...blockage.reopenings,
      {
        reason: data.reason,
        previousResolution: blockage.resolution,
        reopenedAt: stamp.at,
        reopenedBy: stamp.by,
      },
    ],
  }));
