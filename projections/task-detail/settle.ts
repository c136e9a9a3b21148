import { taskProgress, taskStatus } from '../../domain/progress.ts';
import type { EventEnvelope } from '../projection.ts';
import type { TaskDetail } from './document.ts';

/** The completion report as the status rules read it: a rejected one is as none. */
const completionFact = (doc: TaskDetail) =>
  doc.completion.state === 'rejected' ? 'none' : doc.completion.state;

/** The lead unit signed for its current assignment. */
const leadSigned = (doc: TaskDetail): boolean =>
  doc.signatures.some((signature) => signature.current && signature.unitId === doc.leadUnitId);

/** Reported on, or reopened (so completed once), ever. */
const wasWorkedOn = (m: TaskDetail['milestones'][number]): boolean =>
  m.lastReportedAt !== null || m.reopenings.length > 0;

/** Recomputes what is derived from the parts, and stamps the event applied. */
export const settle = (doc: TaskDetail, envelope: EventEnvelope): TaskDetail => {
  const { milestones } = doc;
  const completed = milestones.filter((m) => m.status === 'completed').length;
  const allCompleted = milestones.length > 0 && completed === milestones.length;
  return {
    ...doc,
    position: envelope.position,
    revision: envelope.revision,
    updatedAt: envelope.recordedAt,
    progress: taskProgress(milestones.map((m) => ({ weight: m.weight, percent: m.progress }))),
    status: taskStatus({
      assigned: doc.leadUnitId !== null,
      started: completed > 0 || milestones.some(wasWorkedOn),
      milestoneCount: milestones.length,
      completedMilestones: completed,
      signed: leadSigned(doc),
      suspended: doc.suspended,
      terminated: doc.termination !== null,
      completion: completionFact(doc),
    }),
    openBlockages: doc.blockages.filter((b) => b.status === 'open').length,
    overdueMilestones: milestones.filter((m) => m.overdue).length,
    completedAt: allCompleted ? (doc.completedAt ?? envelope.recordedAt) : null,
  };
};
