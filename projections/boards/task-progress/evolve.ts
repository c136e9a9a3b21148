import { kindOf } from '../../../contracts/events/matter-sources.ts';
import { taskProgress } from '../../../domain/progress.ts';
import { type Data, recordedOn } from '../../events.ts';
import { updateItem } from '../../lists.ts';
import type { EventEnvelope } from '../../projection.ts';
import { isReadBy } from '../../readers.ts';
import { parentPart, sharesOf } from '../../sub-tasks.ts';
import { createdBy } from '../created-by.ts';
import { stamped } from '../shared.ts';
import type { BoardTask, LapseEntry, LeadMove, ProgressShare } from './document.ts';
import { withOwnExtension } from './extensions.ts';

const registered = (data: Data<'TaskRegistered'>, envelope: EventEnvelope): BoardTask => ({
  id: data.taskId,
  position: envelope.position,
  title: data.title,
  section: data.section,
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  leadUnitId: null,
  cooperatingUnitIds: [],
  responsibleLeader: null,
  lifecycle: 'active',
  completion: 'none',
  shares: [],
  doneOn: null,
  reports: [],
  moves: [],
  rejectedOn: [],
  accountability: [],
  urges: [],
  bonuses: [],
  extensions: [],
  registeredOn: recordedOn(envelope),
  kind: kindOf(data.source),
  evaluations: [],
  ...parentPart(data.parentTaskId),
});

/** Done on the day the last open milestone was completed, until one opens again. */
const doneOn = (task: BoardTask, shares: ProgressShare[], day: string): string | null =>
  shares.length > 0 && shares.every((share) => share.completed) ? (task.doneOn ?? day) : null;

/** Progress as reported by the end of `day`: a later report of the same day replaces it. */
const withReport = (task: BoardTask, shares: ProgressShare[], day: string) => {
  const actual = taskProgress(shares);
  const earlier = task.reports.at(-1)?.day === day ? task.reports.slice(0, -1) : task.reports;
  return [...earlier, { day, actual }];
};

/** A change of the milestones; a report, completion or reopening is also a point of progress. */
const withShares = (
  task: BoardTask,
  envelope: EventEnvelope,
  shares: ProgressShare[],
  reported: boolean,
): BoardTask => {
  const day = recordedOn(envelope);
  const reports = reported ? withReport(task, shares, day) : task.reports;
  return stamped(task, envelope, { shares, doneOn: doneOn(task, shares, day), reports });
};

const changeShare = (task: BoardTask, id: string, change: Partial<ProgressShare>) =>
  updateItem(task.shares, id, (share) => ({ ...share, ...change }));

const withMove = (task: BoardTask, envelope: EventEnvelope, move: Omit<LeadMove, 'day'>) =>
  stamped(task, envelope, {
    leadUnitId: move.toUnitId,
    moves: [...task.moves, { ...move, day: recordedOn(envelope) }],
  });

const accountabilityRecorded = (
  task: BoardTask,
  envelope: EventEnvelope,
  data: Data<'AccountabilityRecorded'>,
): BoardTask =>
  stamped(task, envelope, {
    accountability: [
      ...task.accountability,
      {
        recordId: data.recordId,
        position: envelope.position,
        day: recordedOn(envelope),
        against: { ...data.against },
        kind: data.kind,
        reason: data.reason,
        scoreDeduction: data.scoreDeduction,
        status: data.status ?? 'decided',
      },
    ],
  });

const bonusAwarded = (
  task: BoardTask,
  envelope: EventEnvelope,
  data: Data<'BonusAwarded'>,
): BoardTask =>
  stamped(task, envelope, {
    bonuses: [
      ...(task.bonuses ?? []),
      {
        bonusId: data.bonusId,
        position: envelope.position,
        day: data.awardedOn,
        unitId: data.unitId,
        kind: data.kind,
        points: data.points,
        reason: data.reason,
      },
    ],
  });

const lapsed = (task: BoardTask, envelope: EventEnvelope, lapse: Omit<LapseEntry, 'position'>) =>
  stamped(task, envelope, {
    lapses: [...(task.lapses ?? []), { ...lapse, position: envelope.position }],
  });

const isRead = isReadBy('boardTasks');

/** Applies an event to an existing task; the stream starts with TaskRegistered. */
const evolveRegistered = (task: BoardTask, envelope: EventEnvelope): BoardTask => {
  const { event } = envelope;
  if (!isRead(event)) return task;
  switch (event.type) {
    case 'TaskRegistered':
      return registered(event.data, envelope);
    case 'TaskAssigned': {
      const { leadUnitId, cooperatingUnitIds, responsibleLeader } = event.data;
      const cooperating = [...cooperatingUnitIds];
      return stamped(task, envelope, {
        leadUnitId,
        cooperatingUnitIds: cooperating,
        responsibleLeader,
      });
    }
    case 'TaskTransferred': {
      const { fromUnitId, toUnitId, reason } = event.data;
      return withMove(task, envelope, { kind: 'transferred', fromUnitId, toUnitId, reason });
    }
    case 'TaskReturned': {
      const { unitId, reason } = event.data;
      return withMove(task, envelope, {
        kind: 'returned',
        fromUnitId: unitId,
        toUnitId: null,
        reason,
      });
    }
    case 'TaskReturnAccepted': {
      // The unit's return, taken back by the office and handed on in one ruling.
      const { unitId, toUnitId, reason } = event.data;
      return withMove(task, envelope, { kind: 'returned', fromUnitId: unitId, toUnitId, reason });
    }
    case 'MilestonePlanned': {
      const { milestoneId: id, weight } = event.data;
      const share = { id, weight, percent: 0, completed: false };
      return withShares(task, envelope, [...task.shares, share], false);
    }
    case 'MilestoneProgressReported': {
      const change = { percent: event.data.percent, completed: false };
      return withShares(task, envelope, changeShare(task, event.data.milestoneId, change), true);
    }
    case 'MilestoneCompleted': {
      // A completed milestone counts as fully done, whatever was last reported.
      const change = { percent: 100, completed: true };
      return withShares(task, envelope, changeShare(task, event.data.milestoneId, change), true);
    }
    case 'MilestoneReopened': {
      const change = { percent: event.data.percent, completed: false };
      return withShares(task, envelope, changeShare(task, event.data.milestoneId, change), true);
    }
    case 'TaskCompletionReported':
      return stamped(task, envelope, { completion: 'reported' });
    case 'TaskCompletionAccepted':
      return stamped(task, envelope, { completion: 'accepted' });
    case 'TaskCompletionRejected':
      return stamped(task, envelope, {
        completion: 'none',
        rejectedOn: [...task.rejectedOn, recordedOn(envelope)],
      });
    case 'TaskSuspended':
      return stamped(task, envelope, { lifecycle: 'suspended' });
    case 'TaskResumed':
      return stamped(task, envelope, { lifecycle: 'active' });
    case 'TaskDueDateShifted':
      return stamped(task, envelope, { dueDate: event.data.to });
    case 'DeadlineExtensionRequested':
    case 'DeadlineExtensionReviewed':
    case 'DeadlineExtensionApproved':
    case 'DeadlineExtensionRejected':
      // A milestone's request is its own document's; the task's own is kept here.
      return event.data.milestoneId === null ? withOwnExtension(task, envelope, event) : task;
    case 'TaskTerminated':
      return stamped(task, envelope, { lifecycle: 'terminated' });
    case 'AccountabilityRecorded':
      return accountabilityRecorded(task, envelope, event.data);
    case 'BonusAwarded':
      return bonusAwarded(task, envelope, event.data);
    case 'TaskUrged': {
      const { urgeId, unitId, urgedOn } = event.data;
      return stamped(task, envelope, {
        urges: [...(task.urges ?? []), { urgeId, unitId, day: urgedOn }],
      });
    }
    case 'ProgressReportMissed': {
      const { unitId, periodEnd, recordedOn: day } = event.data;
      return lapsed(task, envelope, { kind: 'report_missed', ref: periodEnd, unitId, day });
    }
    case 'UrgeReplyOverdue': {
      const { unitId, urgeId, recordedOn: day } = event.data;
      return lapsed(task, envelope, { kind: 'reply_overdue', ref: urgeId, unitId, day });
    }
    case 'SupervisionNoticeReplyOverdue': {
      const { unitId, noticeId, recordedOn: day } = event.data;
      return lapsed(task, envelope, { kind: 'reply_overdue', ref: noticeId, unitId, day });
    }
    case 'ProposerEvaluationRecorded': {
      const { evaluationId, unitId, rating, comment, recordedOn: day } = event.data;
      const entry = { evaluationId, position: envelope.position, day, unitId, rating, comment };
      return stamped(task, envelope, { evaluations: [...(task.evaluations ?? []), entry] });
    }
    case 'TaskReopenedForRedo':
      // 重新办理: open again to its new due date; the acceptance no longer closes it.
      return stamped(task, envelope, { completion: 'none', dueDate: event.data.dueDate });
    case 'TaskSplit':
      return stamped(task, envelope, {
        subTasks: [...(task.subTasks ?? []), ...sharesOf(event.data.subTasks)],
      });
    default: {
      // Only the events readers.ts names for this view get past `isRead`.
      const _exhaustive: never = event;
      return task;
    }
  }
};

/** Builds a task's board document; returns new objects, never mutates `task`. */
export const evolveBoardTask = createdBy('TaskRegistered', registered, evolveRegistered);
