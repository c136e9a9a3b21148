import type { Ruleset } from '../../../contracts/events/index.ts';
import { type TimeLimitRules, timeLimitsOf } from '../../../contracts/events/ruleset-events.ts';
import { lastClosedPeriod } from '../../../domain/calendar/reporting-periods.ts';
import { addWorkingDays, type Calendars, limitOf } from '../../../domain/calendar/work-calendar.ts';
import type { ClockAgendaItem } from '../../../projections/clock-agenda/projection.ts';
import type { ClockCandidate } from './candidates.ts';
import { escalationFor } from './escalation.ts';

type Watch = {
  item: ClockAgendaItem;
  day: string;
  limits: TimeLimitRules;
  calendars: Calendars;
};

/**
 * 签收: a unit unsigned after its limit (N working days from the assignment) is
 * reminded the first working day after it; still unsigned the working day
 * after that, the clock urges it (催办), once.
 */
const signingCandidates = ({ item, day, limits, calendars }: Watch): ClockCandidate[] =>
  (item.signing ?? []).flatMap((entry): ClockCandidate[] => {
    if (entry.signed) return [];
    const { unitId, assignedOn } = entry;
    const limitDate = addWorkingDays(calendars, assignedOn, limits.signingWorkingDays);
    if (day <= limitDate) return [];
    const taskId = item.taskId;
    if (!entry.reminded) return [{ kind: 'remind-signing', taskId, unitId, assignedOn, limitDate }];
    if (entry.urged || day <= addWorkingDays(calendars, limitDate, 1)) return [];
    const replyBy = addWorkingDays(calendars, day, limits.urgeReplyWorkingDays);
    const urgeId = `sign-${unitId}-${assignedOn}`;
    return [{ kind: 'urge-signing', taskId, unitId, assignedOn, urgeId, replyBy }];
  });

/**
 * 未按期报送: the last period of the task's cycle closed before `day`, begun on
 * or after the lead unit's assignment, with no report of it since the period
 * began. A clock that stood still longer than a period records the last one only.
 */
const reportCandidates = ({ item, day, limits, calendars }: Watch): ClockCandidate[] => {
  const reporting = item.reporting ?? null;
  if (reporting === null || reporting.leadUnitId === null) return [];
  const { cycle } = reporting;
  if (cycle === 'on_milestones') return [];
  const period = lastClosedPeriod(cycle, day);
  if (period.start < reporting.since || reporting.missed.includes(period.end)) return [];
  if (reporting.lastReportOn !== null && reporting.lastReportOn >= period.start) return [];
  const urge = {
    urgeId: `report-${period.end}`,
    replyBy: addWorkingDays(calendars, day, limits.urgeReplyWorkingDays),
  };
  return [
    {
      kind: 'report-missed',
      taskId: item.taskId,
      cycle,
      periodStart: period.start,
      periodEnd: period.end,
      urge,
    },
  ];
};

/** Not answered by the limit: not at all, or later. */
const lapsed = (limitDate: string, answeredOn: string | null, day: string): boolean =>
  day > limitDate && (answeredOn === null || answeredOn > limitDate);

/** A 催办's reply-by passed unanswered: overdue, and a blue slip (三明: 催办 → 蓝色督查单). */
const urgeCandidates = ({ item, day, limits, calendars }: Watch): ClockCandidate[] =>
  (item.urges ?? []).flatMap((urge): ClockCandidate[] => {
    if (urge.replyBy === null || urge.overdue) return [];
    const limitDate = limitOf(calendars, urge.replyBy);
    if (!lapsed(limitDate, urge.answeredOn, day)) return [];
    const source = { kind: 'urge', id: urge.urgeId, from: 'start' } as const;
    const escalation = escalationFor(source, day, limits, calendars);
    return [
      { kind: 'urge-overdue', taskId: item.taskId, urgeId: urge.urgeId, limitDate, escalation },
    ];
  });

/** A 督办单's reply due date passed unanswered: overdue, and the next colour's slip. */
const noticeCandidates = ({ item, day, limits, calendars }: Watch): ClockCandidate[] =>
  (item.notices ?? []).flatMap((notice): ClockCandidate[] => {
    if (notice.overdue) return [];
    const limitDate = limitOf(calendars, notice.replyDueDate);
    if (!lapsed(limitDate, notice.answeredOn, day)) return [];
    const source = { kind: 'notice', id: notice.noticeId, from: notice.level } as const;
    const escalation = escalationFor(source, day, limits, calendars);
    const { noticeId } = notice;
    return [{ kind: 'notice-overdue', taskId: item.taskId, noticeId, limitDate, escalation }];
  });

/**
 * What the time limits of one task (signing, reporting, replies) ask the clock
 * to record on `day`, a working day; nothing once the task is closed (办结).
 */
export const timeLimitCandidates = (
  item: ClockAgendaItem,
  day: string,
  ruleset: Pick<Ruleset, 'timeLimits'>,
  calendars: Calendars,
): ClockCandidate[] => {
  if (item.closed) return [];
  const watch = { item, day, limits: timeLimitsOf(ruleset), calendars };
  return [
    ...signingCandidates(watch),
    ...reportCandidates(watch),
    ...urgeCandidates(watch),
    ...noticeCandidates(watch),
  ];
};
