import { h } from '../../core/dom.ts';
import { dateTime, label, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { canOnTask, currentUser } from '../../core/session.ts';
import { actionForm, folded } from '../../forms/form.ts';
import { mutate } from '../../forms/mutate.ts';
import type { UnitName } from '../lookups.ts';
import { actorName } from './actor-name.ts';
import type { TaskDraft, TaskPage } from './query.ts';

/** 未按期报送: the periods of the task's cycle the lead unit let pass without a report. */
export const missedReportTable = (task: TaskPage) =>
  table(
    t('missedReports'),
    [
      { label: t('unit'), cell: (row) => row.unit.name ?? row.unit.id },
      { label: t('reportingCycle'), cell: (row) => label('reportingCycle', row.cycle) },
      { label: t('missedPeriod'), cell: (row) => `${row.periodStart} → ${row.periodEnd}` },
      { label: t('missedRecordedOn'), cell: (row) => row.recordedOn },
    ],
    task.missedReports,
  );

const approveForm = (taskId: string, draftId: string, done: () => void) =>
  actionForm({
    title: 'approveDraft',
    submitLabel: 'approveDraft',
    fields: [],
    submit: () => mutate('approveProgressReport', { taskId, draftId }),
    done,
  });

const returnForm = (taskId: string, draftId: string, done: () => void) =>
  folded(
    'returnDraft',
    actionForm({
      title: 'returnDraft',
      submitLabel: 'returnDraft',
      fields: [{ name: 'reason', label: 'returnDraftReason', kind: 'textarea' }],
      submit: (values) =>
        mutate('returnProgressReport', { taskId, draftId, reason: values.reason }),
      done,
    }),
  );

/** The unit head's decision on a pending draft of its own unit; the decision once taken. */
const decision = (
  task: TaskPage,
  draft: TaskDraft,
  involved: { leadUnitId: string | null; cooperatingUnitIds: string[] },
  refresh: () => void,
) => {
  if (draft.status !== 'PENDING') {
    return h(
      'div',
      {},
      label('draftStatus', draft.status),
      draft.returnReason ? h('p', {}, draft.returnReason) : null,
    );
  }
  const mine = currentUser()?.unitId === draft.unit.id;
  if (!mine || !canOnTask('approveProgressReport', involved)) {
    return label('draftStatus', draft.status);
  }
  return h(
    'div',
    { 'data-draft': draft.draftId },
    approveForm(task.id, draft.draftId, refresh),
    returnForm(task.id, draft.draftId, refresh),
  );
};

/** 联络员拟报: drafts of the liaisons, the pending ones with the unit head's approval. */
export const draftTable = (task: TaskPage, officials: readonly UnitName[], refresh: () => void) => {
  const involved = {
    leadUnitId: task.leadUnit?.id ?? null,
    cooperatingUnitIds: task.cooperatingUnits.map((unit) => unit.id),
  };
  const titleOf = (id: string) => task.milestones.find((m) => m.id === id)?.title ?? id;
  const nameOf = (id: string) => actorName({ id, name: null }, officials, task.history.events);
  return h(
    'section',
    { class: 'drafts' },
    h('p', { class: 'note' }, t('draftsHelp')),
    table(
      t('drafts'),
      [
        { label: t('draftMilestone'), cell: (row) => titleOf(row.milestoneId) },
        { label: t('draftPercent'), cell: (row) => `${row.percent}%`, numeric: true },
        { label: t('draftNote'), cell: (row) => row.note ?? '—' },
        {
          label: t('draftedBy'),
          cell: (row) =>
            `${row.draftedByName ?? nameOf(row.draftedBy)} · ${dateTime(row.draftedAt)}`,
        },
        { label: t('status'), cell: (row) => decision(task, row, involved, refresh) },
      ],
      task.drafts,
    ),
  );
};

type Notice = TaskPage['notices'][number];

/** Whom a slip went to, what it escalated and where it went next (蓝 → 黄 → 红). */
export const noticeChain = (notice: Notice) =>
  h(
    'div',
    { class: 'notice-chain' },
    notice.addressee
      ? h('p', {}, `${t('noticeAddressee')}：${label('addressee', notice.addressee.role)}`)
      : null,
    notice.escalatedFrom
      ? h(
          'p',
          {},
          `${t('noticeEscalatedFrom')}：${notice.escalatedFrom.noticeId ?? notice.escalatedFrom.urgeId ?? ''}`,
        )
      : null,
    notice.overdueOn
      ? h('p', { class: 'overdue' }, `${t('noticeOverdue')} ${notice.overdueOn}`)
      : null,
    notice.escalatedTo ? h('p', {}, `${t('noticeEscalatedTo')}：${notice.escalatedTo}`) : null,
  );
