import type {
  NoticeDetail,
  TaskDetail,
  UrgeDetail,
} from '../../projections/task-detail/projection.ts';
import type { UnitRef } from './task-page.ts';

/** The unit ids the task page's time limits mention: missed reports, reminders, drafts. */
export const timeLimitUnitIds = (task: TaskDetail): string[] => [
  ...(task.missedReports ?? []).map((m) => m.unitId),
  ...(task.signingReminders ?? []).map((r) => r.unitId),
  ...(task.drafts ?? []).map((d) => d.unitId),
];

/** A notice's escalation chain; pages projected before the clock escalated read none. */
export const noticeChain = (notice: NoticeDetail) => ({
  addressee: notice.addressee ?? null,
  escalatedFrom: notice.escalatedFrom ?? null,
  escalatedTo: notice.escalatedTo ?? null,
  overdueOn: notice.overdueOn ?? null,
});

/** An urge's answer and lapse; pages projected before urges were answered read none. */
export const urgeReply = (urge: UrgeDetail) => ({
  cause: urge.cause ?? null,
  answer: urge.answer ?? null,
  answeredOn: urge.answeredOn ?? null,
  overdueOn: urge.overdueOn ?? null,
  escalatedTo: urge.escalatedTo ?? null,
});

/** The page's time limits, each unit paired with its name. */
export const timeLimitParts = (task: TaskDetail, unit: (id: string) => UnitRef) => ({
  reportingCycle: task.reportingCycle ?? 'on_milestones',
  missedReports: (task.missedReports ?? []).map((m) => ({ ...m, unit: unit(m.unitId) })),
  signingReminders: (task.signingReminders ?? []).map((r) => ({ ...r, unit: unit(r.unitId) })),
  drafts: (task.drafts ?? []).map((d) => ({ ...d, unit: unit(d.unitId) })),
});
