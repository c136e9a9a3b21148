import {
  type AssignmentAssumption,
  assignmentAssumptions,
} from '../../contracts/events/assumptions.ts';
import { kindOf } from '../../contracts/events/matter-sources.ts';
import type { Data } from '../events.ts';
import { parentPart } from '../sub-tasks.ts';
import type { PageChange } from './change.ts';
import type { TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** The page right after registration: nothing assigned, planned or recorded yet. */
export const registeredPage = (
  data: Data<'TaskRegistered'>,
  stamp: Stamp,
  place: { position: number; revision: number },
): TaskDetail => ({
  id: data.taskId,
  position: place.position,
  revision: place.revision,
  title: data.title,
  description: data.description,
  section: data.section,
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  status: 'registered',
  progress: 0,
  leadUnitId: null,
  cooperatingUnitIds: [],
  responsibleLeader: null,
  assumed: [...(data.assumed ?? [])],
  kind: kindOf(data.source),
  source: data.source ? { ...data.source } : null,
  replies: [],
  evaluations: [],
  redos: [],
  ...parentPart(data.parentTaskId),
  milestones: [],
  blockages: [],
  openBlockages: 0,
  overdueMilestones: 0,
  registeredAt: stamp.at,
  updatedAt: stamp.at,
  completedAt: null,
  lastReportedAt: null,
  signatures: [],
  handovers: [],
  extensions: [],
  indicators: [],
  notices: [],
  urges: [],
  instructions: [],
  accountabilityRecords: [],
  bonuses: [],
  completion: {
    state: 'none',
    summary: null,
    evidence: [],
    reportedAt: null,
    reportedBy: null,
    acceptedAt: null,
    acceptedBy: null,
    comment: null,
    rejections: [],
  },
  suspended: false,
  suspensions: [],
  termination: null,
  returnRequests: [],
  proposals: [],
});

/** Signatures of `unitId` (or of every unit, when null) no longer hold. */
export const withoutSignatures = (
  doc: TaskDetail,
  unitId: string | null,
): TaskDetail['signatures'] =>
  doc.signatures.map((signature) =>
    signature.current && (unitId === null || signature.unitId === unitId)
      ? { ...signature, current: false }
      : signature,
  );

/** The page's assumptions but those of who answers for the task; `kept` of them stay. */
const assumedBut = (
  doc: TaskDetail,
  kept: readonly AssignmentAssumption[] = [],
): NonNullable<TaskDetail['assumed']> => [
  ...(doc.assumed ?? []).filter(
    (name) => !(assignmentAssumptions as readonly string[]).includes(name),
  ),
  ...kept,
];

/**
 * A new assignment asks every unit to sign again (as the decider's rules do); its
 * assumptions replace those of the assignment before.
 */
export const withAssignment: PageChange<'TaskAssigned'> = (doc, data, stamp) => ({
  ...doc,
  leadUnitId: data.leadUnitId,
  cooperatingUnitIds: [...data.cooperatingUnitIds],
  responsibleLeader: data.responsibleLeader,
  assumed: assumedBut(doc, data.assumed),
  ...(data.reportingCycle === undefined ? {} : { reportingCycle: data.reportingCycle }),
  signatures: withoutSignatures(doc, null),
  handovers: [
    ...doc.handovers,
    {
      kind: 'assigned',
      fromUnitId: doc.leadUnitId,
      toUnitId: data.leadUnitId,
      reason: null,
      at: stamp.at,
      by: stamp.by,
    },
  ],
});

/** 签收: a unit signs for the assignment it holds now. */
export const withSignature: PageChange<'TaskSigned'> = (doc, data, stamp) => ({
  ...doc,
  signatures: [
    ...doc.signatures,
    { unitId: data.unitId, signedAt: stamp.at, signedBy: stamp.by, current: true },
  ],
});

/** The lead unit after a transfer or a return is the office's decision, not the plan's assumption. */
const withoutAssumedLead = (doc: TaskDetail): NonNullable<TaskDetail['assumed']> =>
  (doc.assumed ?? []).filter((name) => name !== 'lead_unit');

/**
 * The new lead unit has not signed yet; cooperating units keep their signatures.
 * The lead is the office's decision now, no longer an assumption of the plan.
 */
export const withTransfer: PageChange<'TaskTransferred'> = (doc, data, stamp) => ({
  ...doc,
  leadUnitId: data.toUnitId,
  assumed: withoutAssumedLead(doc),
  signatures: data.fromUnitId === null ? doc.signatures : withoutSignatures(doc, data.fromUnitId),
  handovers: [
    ...doc.handovers,
    {
      kind: 'transferred',
      fromUnitId: data.fromUnitId,
      toUnitId: data.toUnitId,
      reason: data.reason,
      at: stamp.at,
      by: stamp.by,
    },
  ],
});

/** Returned as wrongly assigned: no lead unit until the office assigns or transfers it. */
export const withReturn: PageChange<'TaskReturned'> = (doc, data, stamp) => ({
  ...doc,
  leadUnitId: null,
  assumed: withoutAssumedLead(doc),
  signatures: withoutSignatures(doc, data.unitId),
  handovers: [
    ...doc.handovers,
    {
      kind: 'returned',
      fromUnitId: data.unitId,
      toUnitId: null,
      reason: data.reason,
      at: stamp.at,
      by: stamp.by,
    },
  ],
});
