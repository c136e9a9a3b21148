import { number } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import type { NoticeDraft } from '../../forms/office-notice.ts';
import type { UrgeDraft } from '../../forms/office-urge.ts';
import type { OverdueMilestone, RedTask } from './query.ts';

/** What the office says of a red task: how far behind it is, and by when to answer. */
export const redDrafts = (
  row: RedTask,
  toUnitId: string,
  replyBy: string,
): { notice: NoticeDraft; urge: UrgeDraft } => {
  const params = {
    title: row.title,
    actual: number(row.actual),
    expected: number(row.expected),
    behind: number(row.behind),
    replyBy,
  };
  return {
    // 红灯: a red slip (专报), reported up to the leadership.
    notice: {
      level: 'RED',
      toUnitId,
      subject: t('wbRedSubject', params),
      body: t('wbRedBody', params),
      replyDueDate: replyBy,
    },
    urge: { unitId: toUnitId, message: t('wbRedUrge', params), replyBy },
  };
};

/** What the office says of an overdue milestone: since when, how far done, and by when to answer. */
export const overdueDrafts = (
  row: OverdueMilestone,
  toUnitId: string,
  replyBy: string,
): { notice: NoticeDraft; urge: UrgeDraft } => {
  const params = {
    task: row.taskTitle,
    milestone: row.title,
    dueDate: row.dueDate,
    days: row.daysOverdue,
    percent: number(row.percent),
    replyBy,
  };
  return {
    // An overdue milestone: a yellow slip (督办); the office may raise it to red.
    notice: {
      level: 'YELLOW',
      toUnitId,
      subject: t('wbOverdueSubject', params),
      body: t('wbOverdueBody', params),
      replyDueDate: replyBy,
    },
    urge: { unitId: toUnitId, message: t('wbOverdueUrge', params), replyBy },
  };
};
