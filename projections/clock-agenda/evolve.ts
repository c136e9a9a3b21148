import { type Data, recordedOn } from '../events.ts';
import { lifecycleFlagsAfter } from '../lifecycle-flags.ts';
import type { Evolve } from '../projection.ts';
import { isReadBy, type TaskEventReadBy } from '../readers.ts';
import type { ClockAgendaItem } from './document.ts';
import { changeLight, registeredLight } from './light.ts';
import { changeBlockage, changeMilestone, summarised, withDate } from './parts.ts';
import {
  assignedOn,
  leadMoved,
  noticeAnswered,
  noticeIssued,
  noticeOverdue,
  reportedOn,
  reportMissed,
  signedBy,
  signingReminded,
  urgeAnswered,
  urged,
  urgeOverdue,
} from './time-limits.ts';

const registered = (data: Data<'TaskRegistered'>, position: number): ClockAgendaItem => ({
  id: data.taskId,
  position,
  taskId: data.taskId,
  suspended: false,
  terminated: false,
  milestones: [],
  blockages: [],
  nextDueDate: null,
  waitingSince: null,
  light: registeredLight(data),
  lit: true,
});

const planned = (item: ClockAgendaItem, data: Data<'MilestonePlanned'>): ClockAgendaItem => ({
  ...item,
  milestones: [
    ...item.milestones,
    {
      milestoneId: data.milestoneId,
      dueDate: data.dueDate,
      completed: false,
      remindedFor: [],
      overdueFor: [],
      title: data.title,
      weight: data.weight,
      percent: 0,
    },
  ],
});

const blockageReported = (item: ClockAgendaItem, blockageId: string, day: string) => ({
  ...item,
  blockages: [...item.blockages, { blockageId, open: true, openSince: day, level: 0 as const }],
});

const isRead = isReadBy('clockAgenda');

/** The agenda after one task event, or the same object when the event changes nothing here. */
const applied = (
  item: ClockAgendaItem,
  event: TaskEventReadBy<'clockAgenda'>,
  day: string,
): ClockAgendaItem => {
  switch (event.type) {
    case 'TaskRegistered':
      return item;
    case 'TaskSuspended':
    case 'TaskResumed':
    case 'TaskTerminated':
      return { ...item, ...lifecycleFlagsAfter[event.type] };
    case 'MilestonePlanned':
      return planned(item, event.data);
    case 'MilestoneCompleted':
      // A completed milestone counts as fully done, whatever was last reported.
      return changeMilestone(item, event.data.milestoneId, (m) => ({
        ...m,
        completed: true,
        percent: 100,
      }));
    case 'MilestoneReopened': {
      const { percent } = event.data;
      return changeMilestone(item, event.data.milestoneId, (m) => ({
        ...m,
        completed: false,
        percent,
      }));
    }
    case 'DeadlineExtensionApproved': {
      const { milestoneId, newDueDate: dueDate } = event.data;
      // The task's own date is its light's; a milestone's is its reminders' and overdue's too.
      if (milestoneId === null) return changeLight(item, { dueDate });
      return changeMilestone(item, milestoneId, (m) => ({ ...m, dueDate }));
    }
    case 'TaskDueDateShifted':
      return changeLight(item, { dueDate: event.data.to });
    case 'MilestoneDueDateShifted': {
      const dueDate = event.data.to;
      return changeMilestone(item, event.data.milestoneId, (m) => ({ ...m, dueDate }));
    }
    case 'MilestoneDueSoonReminded': {
      const { dueDate } = event.data;
      return changeMilestone(item, event.data.milestoneId, (m) => ({
        ...m,
        remindedFor: withDate(m.remindedFor, dueDate),
      }));
    }
    case 'MilestoneOverdue': {
      const { dueDate } = event.data;
      return changeMilestone(item, event.data.milestoneId, (m) => ({
        ...m,
        overdueFor: withDate(m.overdueFor, dueDate),
      }));
    }
    case 'BlockageReported':
      return blockageReported(item, event.data.blockageId, day);
    case 'BlockageResolved':
      return changeBlockage(item, event.data.blockageId, (b) => ({ ...b, open: false }));
    case 'BlockageReopened':
      // A reopened blockage waits anew from today; its level never goes down.
      return changeBlockage(item, event.data.blockageId, (b) => ({
        ...b,
        open: true,
        openSince: day,
      }));
    case 'BlockageEscalated': {
      const { level } = event.data;
      return changeBlockage(item, event.data.blockageId, (b) => ({
        ...b,
        level: Math.max(b.level, level) as typeof b.level,
      }));
    }
    case 'TaskAssigned':
      return assignedOn(item, event.data, day);
    case 'TaskTransferred':
      return leadMoved(item, event.data.fromUnitId, event.data.toUnitId, day);
    case 'TaskReturned':
      return leadMoved(item, event.data.unitId, null, day);
    case 'TaskReturnAccepted':
      return leadMoved(item, event.data.unitId, event.data.toUnitId, day);
    case 'TaskSigned':
      return signedBy(item, event.data.unitId);
    case 'TaskSigningReminded':
      return signingReminded(item, event.data);
    case 'MilestoneProgressReported': {
      const { percent } = event.data;
      const reported = changeMilestone(item, event.data.milestoneId, (m) => ({
        ...m,
        completed: false,
        percent,
      }));
      return reportedOn(reported, event.data, day);
    }
    case 'ProgressReportMissed':
      return reportMissed(item, event.data);
    case 'TaskCompletionAccepted':
      return changeLight({ ...item, closed: true }, { accepted: true });
    case 'TaskReopenedForRedo':
      // 重新办理: open again to its new due date, for its light.
      return changeLight(item, { accepted: false, dueDate: event.data.dueDate });
    case 'TaskLightChanged':
      return changeLight(item, { recorded: event.data.to });
    case 'TaskUrged':
      return urged(item, event.data);
    case 'TaskUrgeAnswered':
      return urgeAnswered(item, event.data);
    case 'UrgeReplyOverdue':
      return urgeOverdue(item, event.data);
    case 'SupervisionNoticeIssued':
      return noticeIssued(item, event.data);
    case 'SupervisionNoticeAnswered':
      return noticeAnswered(item, event.data);
    case 'SupervisionNoticeReplyOverdue':
      return noticeOverdue(item, event.data);
    default: {
      // Only the events readers.ts names for the agenda get past `isRead`.
      const _exhaustive: never = event;
      return item;
    }
  }
};

/**
 * Keeps the clock's agenda of one task; returns new objects, never mutates
 * `item`. A task stream starts with TaskRegistered, so a later event without an
 * agenda changes nothing.
 */
export const evolveClockAgenda: Evolve<ClockAgendaItem> = (item, envelope) => {
  const { event, position } = envelope;
  if (!isRead(event)) return item;
  if (event.type === 'TaskRegistered') return registered(event.data, position);
  if (item === null) return null;
  const next = applied(item, event, recordedOn(envelope));
  return next === item ? item : { ...summarised(next), position };
};
