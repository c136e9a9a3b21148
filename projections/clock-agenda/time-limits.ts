import type { TaskEventOf, TaskEventType } from '../../contracts/events/task-events.ts';
import type { AgendaNotice, AgendaSigning, AgendaUrge, ClockAgendaItem } from './document.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

const signingOf = (item: ClockAgendaItem): AgendaSigning[] => item.signing ?? [];

const unsignedEntry = (unitId: string, day: string): AgendaSigning => ({
  unitId,
  assignedOn: day,
  signed: false,
  reminded: false,
  urged: false,
});

/** A new assignment: every unit signs anew from today; the lead's reports count from today. */
export const assignedOn = (
  item: ClockAgendaItem,
  data: Data<'TaskAssigned'>,
  day: string,
): ClockAgendaItem => ({
  ...item,
  signing: [data.leadUnitId, ...data.cooperatingUnitIds].map((unitId) =>
    unsignedEntry(unitId, day),
  ),
  reporting: {
    cycle: data.reportingCycle ?? 'on_milestones',
    leadUnitId: data.leadUnitId,
    since: day,
    lastReportOn: null,
    missed: item.reporting?.missed ?? [],
  },
});

/** The lead moved (transfer, accepted return) or left (return): the new lead signs and reports from today. */
export const leadMoved = (
  item: ClockAgendaItem,
  fromUnitId: string | null,
  toUnitId: string | null,
  day: string,
): ClockAgendaItem => {
  const others = signingOf(item).filter(
    (entry) => entry.unitId !== fromUnitId && entry.unitId !== toUnitId,
  );
  const reporting = item.reporting ?? null;
  return {
    ...item,
    signing: toUnitId === null ? others : [...others, unsignedEntry(toUnitId, day)],
    reporting:
      reporting === null
        ? null
        : toUnitId === null
          ? { ...reporting, leadUnitId: null }
          : { ...reporting, leadUnitId: toUnitId, since: day, lastReportOn: null },
  };
};

const changeSigning = (
  item: ClockAgendaItem,
  unitId: string,
  change: Partial<AgendaSigning>,
): ClockAgendaItem => ({
  ...item,
  signing: signingOf(item).map((entry) =>
    entry.unitId === unitId ? { ...entry, ...change } : entry,
  ),
});

export const signedBy = (item: ClockAgendaItem, unitId: string) =>
  changeSigning(item, unitId, { signed: true });

export const signingReminded = (item: ClockAgendaItem, data: Data<'TaskSigningReminded'>) =>
  changeSigning(item, data.unitId, { reminded: true });

/** A progress report of the lead unit counts for the period it falls in. */
export const reportedOn = (
  item: ClockAgendaItem,
  data: Data<'MilestoneProgressReported'>,
  day: string,
): ClockAgendaItem => {
  const reporting = item.reporting ?? null;
  if (reporting?.leadUnitId == null || data.reportedByUnitId !== reporting.leadUnitId) return item;
  return { ...item, reporting: { ...reporting, lastReportOn: day } };
};

export const reportMissed = (
  item: ClockAgendaItem,
  data: Data<'ProgressReportMissed'>,
): ClockAgendaItem => {
  const reporting = item.reporting ?? null;
  if (reporting === null || reporting.missed.includes(data.periodEnd)) return item;
  return { ...item, reporting: { ...reporting, missed: [...reporting.missed, data.periodEnd] } };
};

export const urged = (item: ClockAgendaItem, data: Data<'TaskUrged'>): ClockAgendaItem => {
  const urge: AgendaUrge = {
    urgeId: data.urgeId,
    unitId: data.unitId,
    replyBy: data.replyBy,
    answeredOn: null,
    overdue: false,
  };
  const withUrge = { ...item, urges: [...(item.urges ?? []), urge] };
  return data.cause === 'signing'
    ? changeSigning(withUrge, data.unitId, { urged: true })
    : withUrge;
};

const changeUrge = (item: ClockAgendaItem, urgeId: string, change: Partial<AgendaUrge>) => ({
  ...item,
  urges: (item.urges ?? []).map((urge) => (urge.urgeId === urgeId ? { ...urge, ...change } : urge)),
});

export const urgeAnswered = (item: ClockAgendaItem, data: Data<'TaskUrgeAnswered'>) =>
  changeUrge(item, data.urgeId, { answeredOn: data.answeredOn });

export const urgeOverdue = (item: ClockAgendaItem, data: Data<'UrgeReplyOverdue'>) =>
  changeUrge(item, data.urgeId, { overdue: true });

export const noticeIssued = (
  item: ClockAgendaItem,
  data: Data<'SupervisionNoticeIssued'>,
): ClockAgendaItem => {
  const notice: AgendaNotice = {
    noticeId: data.noticeId,
    unitId: data.toUnitId,
    level: data.level,
    replyDueDate: data.replyDueDate,
    answeredOn: null,
    overdue: false,
  };
  return { ...item, notices: [...(item.notices ?? []), notice] };
};

const changeNotice = (item: ClockAgendaItem, noticeId: string, change: Partial<AgendaNotice>) => ({
  ...item,
  notices: (item.notices ?? []).map((notice) =>
    notice.noticeId === noticeId ? { ...notice, ...change } : notice,
  ),
});

/** An answer recorded before answers kept their day is taken as on time. */
export const noticeAnswered = (
  item: ClockAgendaItem,
  data: Data<'SupervisionNoticeAnswered'>,
): ClockAgendaItem => {
  const notice = (item.notices ?? []).find((entry) => entry.noticeId === data.noticeId);
  const answeredOn = data.answeredOn ?? notice?.replyDueDate ?? null;
  return changeNotice(item, data.noticeId, { answeredOn });
};

export const noticeOverdue = (item: ClockAgendaItem, data: Data<'SupervisionNoticeReplyOverdue'>) =>
  changeNotice(item, data.noticeId, { overdue: true });

/** A reply may still be recorded overdue: not yet, and not answered by its day. */
const replyPending = (replyBy: string | null, answeredOn: string | null, overdue: boolean) =>
  replyBy !== null && !overdue && (answeredOn === null || answeredOn > replyBy);

/**
 * Whether the clock has anything of the time limits to watch: a unit not yet
 * urged to sign, a reporting cycle, a reply pending. Never once closed (办结).
 */
export const isWatching = (item: ClockAgendaItem): boolean => {
  if (item.closed) return false;
  const cycle = item.reporting ?? null;
  return (
    signingOf(item).some((entry) => !entry.signed && !entry.urged) ||
    (cycle !== null && cycle.cycle !== 'on_milestones' && cycle.leadUnitId !== null) ||
    (item.urges ?? []).some((urge) => replyPending(urge.replyBy, urge.answeredOn, urge.overdue)) ||
    (item.notices ?? []).some((notice) =>
      replyPending(notice.replyDueDate, notice.answeredOn, notice.overdue),
    )
  );
};
