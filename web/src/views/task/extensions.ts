import { h } from '../../core/dom.ts';
import { dateTime, label, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { extensionStepForm } from '../../forms/extension-steps.ts';
import { type UnitName, unitName } from '../lookups.ts';
import type { ExtensionRequest, TaskPage } from './query.ts';

/** What a request asks more time for: the task itself, or a milestone by its title. */
const targetOf = (task: TaskPage, request: ExtensionRequest): string =>
  request.milestoneId === null
    ? t('extTaskItselfShort')
    : (task.milestones.find((milestone) => milestone.id === request.milestoneId)?.title ??
      request.milestoneId);

/** Who acted, by name where the directory knows the official, and when. */
const byWhom = (officials: readonly UnitName[], who: string | null, at: string | null) =>
  who && at ? `${unitName(officials, who)} · ${dateTime(at)}` : '—';

/** The dates before and after: asked for while open, granted once approved. */
const dates = (request: ExtensionRequest) =>
  request.newDueDate
    ? `${request.currentDueDate} → ${request.newDueDate}`
    : `${request.currentDueDate} → ${request.requestedDueDate}（${t('extAsked')}）`;

/** 申请 → 初审 → 决定, the stage reached marked, and where the request stands. */
const stages = (request: ExtensionRequest) =>
  h(
    'span',
    { class: 'stages', 'data-stage': request.stage, 'data-status': request.status },
    ['REQUESTED', 'REVIEWED', 'DECIDED']
      .map((stage) =>
        stage === request.stage ? `【${label('extstage', stage)}】` : label('extstage', stage),
      )
      .join(' → '),
    ' ',
    label('ext', request.status),
  );

/**
 * The task's extension requests (延期), its own and its milestones', each with
 * its stage, who acted at each, the dates before and after, and the next step
 * for whoever may take it: the office's review, the responsible leader's decision.
 */
export const extensionTable = (
  task: TaskPage,
  officials: readonly UnitName[],
  refresh: () => void,
) =>
  h(
    'section',
    { 'data-testid': 'extensions' },
    table(
      t('extensions'),
      [
        { label: t('extTarget'), cell: (row) => targetOf(task, row) },
        { label: t('extDates'), cell: dates },
        { label: t('reason'), cell: (row) => row.reason },
        { label: t('extStage'), cell: stages },
        {
          label: t('extRequested'),
          cell: (row) => byWhom(officials, row.requestedBy, row.requestedAt),
        },
        {
          label: t('extReviewed'),
          cell: (row) =>
            row.reviewedAt
              ? `${byWhom(officials, row.reviewedBy, row.reviewedAt)}：${row.reviewComment ?? ''}`
              : '—',
        },
        {
          label: t('extDecided'),
          cell: (row) =>
            row.decidedAt
              ? `${byWhom(officials, row.decidedBy, row.decidedAt)}${row.rejectionReason ? `：${row.rejectionReason}` : ''}`
              : '—',
        },
        {
          label: t('actions'),
          cell: (row) =>
            extensionStepForm(
              { taskId: task.id, responsibleLeader: task.responsibleLeader },
              { requestId: row.id, status: row.status },
              refresh,
            ) ?? '—',
        },
      ],
      task.extensions,
    ),
  );
