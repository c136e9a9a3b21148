import { h } from '../../core/dom.ts';
import { dateTime, label, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can } from '../../core/session.ts';
import { evidenceList } from '../../forms/evidence.ts';
import { reviewForm } from '../../forms/extension-steps.ts';
import { folded } from '../../forms/form.ts';
import { returnRuling } from '../../forms/lifecycle-forms.ts';
import { transferForm } from '../../forms/office-assign.ts';
import { completionRuling } from '../../forms/office-completion.ts';
import { unitName } from '../lookups.ts';
import { deskLink } from './links.ts';
import { sectionTable } from './list.ts';
import type { PendingReport, Unassigned, Workbench } from './query.ts';
import type { Part } from './sections.ts';

const report = (row: PendingReport) =>
  h(
    'div',
    {},
    h('p', {}, row.completion?.summary ?? '—'),
    evidenceList(row.completion?.evidence ?? []),
    row.completion && row.completion.rejections.length > 0
      ? h(
          'p',
          { class: 'note' },
          t('wbReturnedBefore', { count: row.completion.rejections.length }),
        )
      : null,
  );

/** 办结报告待审: each report with its summary and evidence, accepted (办结) or returned (退回重办) here. */
export const reportsPart: Part<Workbench> = {
  key: 'reports',
  title: 'wbReports',
  draw: (data, acted) =>
    sectionTable(
      t('wbReports'),
      [
        { label: t('task'), cell: (row) => taskLink(row.id, row.title) },
        { label: t('leadUnit'), cell: (row) => row.leadUnit?.name ?? '—' },
        { label: t('wbReportedAt'), cell: (row) => dateTime(row.completion?.reportedAt) },
        { label: t('wbReport'), cell: report },
        {
          label: t('actions'),
          cell: (row) =>
            can('acceptTaskCompletion')
              ? completionRuling(row.id, () => acted({ taskId: row.id }))
              : null,
        },
      ],
      data.reports,
    ),
};

const returnedText = (row: Unassigned) =>
  row.returned
    ? h(
        'div',
        { 'data-returned': row.id },
        t('wbReturnedBy', {
          unit: row.returned.fromUnit?.name ?? row.returned.fromUnit?.id ?? '—',
          at: dateTime(row.returned.at),
        }),
        h('p', { class: 'note' }, `${t('reason')}：${row.returned.reason ?? '—'}`),
      )
    : t('wbNeverAssigned');

/**
 * 待交办: tasks without a lead unit. A return (退回) is ruled on by assigning the
 * task again (on its desk) or transferring it (转办) to another unit here.
 */
export const unassignedPart: Part<Workbench> = {
  key: 'unassigned',
  title: 'wbUnassigned',
  draw: (data, acted) =>
    sectionTable(
      t('wbUnassigned'),
      [
        { label: t('task'), cell: (row) => taskLink(row.id, row.title) },
        { label: t('status'), cell: returnedText },
        {
          label: t('actions'),
          cell: (row) =>
            h(
              'div',
              {},
              can('assignTask') ? deskLink(row.id, t('wbAssignOnDesk')) : null,
              row.returned && can('transferTask')
                ? folded(
                    'wbTransfer',
                    transferForm(
                      { ...row, leadUnit: null },
                      data.units,
                      () => acted({ taskId: row.id }),
                      row.returned.fromUnit ? [row.returned.fromUnit.id] : [],
                    ),
                  )
                : null,
            ),
        },
      ],
      data.unassigned,
    ),
};

/**
 * 退回申请: the lead unit keeps the task until the office hands it to another
 * unit or refuses; the request's reason is on the task page.
 */
export const returnsPart: Part<Workbench> = {
  key: 'returns',
  title: 'wbReturnRequests',
  draw: (data, acted) => [
    h('p', { class: 'note' }, t('lcReturnsHelp')),
    sectionTable(
      t('wbReturnRequests'),
      [
        { label: t('task'), cell: (row) => taskLink(row.id, row.title) },
        { label: t('lcRequestedBy'), cell: (row) => row.leadUnit?.name ?? '—' },
        { label: t('lcRequestedAt'), cell: (row) => dateTime(row.requestedAt) },
        {
          label: t('reason'),
          cell: (row) => h('span', { 'data-return-reason': row.id }, row.reason ?? '—'),
        },
        {
          label: t('actions'),
          cell: (row) =>
            can('acceptReturn')
              ? returnRuling(row, data.units, () => acted({ taskId: row.id }))
              : null,
        },
      ],
      data.returns,
    ),
  ],
};

/** 暂停、终止: proposed by the office, waiting on the responsible leader. */
export const proposalsPart: Part<Workbench> = {
  key: 'proposals',
  title: 'wbProposals',
  draw: (data) => [
    h('p', { class: 'note' }, t('lcProposalsHelp')),
    sectionTable(
      t('wbProposals'),
      [
        { label: t('task'), cell: (row) => taskLink(row.id, row.title) },
        { label: t('leadUnit'), cell: (row) => row.leadUnit?.name ?? '—' },
        {
          label: t('responsibleLeader'),
          cell: (row) =>
            row.responsibleLeader ? unitName(data.officials, row.responsibleLeader) : '—',
        },
      ],
      data.proposals,
    ),
  ],
};

/**
 * 延期申请: the office reviews each new request first (初审), forwarding it to the
 * task's responsible leader or refusing it; it follows the forwarded ones here.
 */
export const extensionsPart: Part<Workbench> = {
  key: 'extensions',
  title: 'wbExtensions',
  draw: (data, acted) => [
    h('p', { class: 'note' }, t('wbExtensionsHelp')),
    sectionTable(
      t('wbExtensions'),
      [
        { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
        { label: t('extTarget'), cell: (row) => row.title ?? t('extTaskItselfShort') },
        { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
        { label: t('dueDate'), cell: (row) => row.dueDate },
        { label: t('requestedDueDate'), cell: (row) => row.requestedDueDate },
        { label: t('reason'), cell: (row) => row.reason },
        { label: t('wbRequestedOn'), cell: (row) => row.requestedOn },
        {
          label: t('extStage'),
          cell: (row) =>
            row.status === 'PENDING' && can('reviewDeadlineExtension')
              ? reviewForm(row.taskId, row.requestId, () => acted({ taskId: row.taskId }))
              : label('ext', row.status),
        },
      ],
      data.extensions,
    ),
  ],
};
