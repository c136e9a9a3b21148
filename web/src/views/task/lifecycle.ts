import { h } from '../../core/dom.ts';
import { dateTime, label, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can, canAsLeaderOf, canOnTask, currentUser, leadsTask } from '../../core/session.ts';
import {
  proposalDecision,
  proposalForms,
  resumeForm,
  returnRequestForm,
  returnRuling,
} from '../../forms/lifecycle-forms.ts';
import type { Named } from '../../forms/office-options.ts';
import { type UnitName, unitName } from '../lookups.ts';
import type { TaskPage } from './query.ts';

const pendingReturn = (task: TaskPage) =>
  task.returnRequests.find((request) => request.ruling === 'PENDING') ?? null;

const pendingProposal = (task: TaskPage) =>
  task.proposals.find((proposal) => proposal.decision === 'PENDING') ?? null;

/**
 * What the user may do about who holds the task and whether it runs: the lead
 * unit asks to return it before signing; the office rules on the return,
 * proposes a suspension or termination, and resumes; the leader decides a
 * proposal. The services refuse the rest (another leader than the task's own,
 * for one), with the reason.
 */
export const lifecycleActions = (
  task: TaskPage,
  units: readonly Named[],
  refresh: () => void,
): HTMLElement[] => {
  const me = currentUser();
  const involved = {
    leadUnitId: task.leadUnit?.id ?? null,
    cooperatingUnitIds: task.cooperatingUnits.map((unit) => unit.id),
  };
  const returning = pendingReturn(task);
  const proposal = pendingProposal(task);
  const signed = task.signatures.some((s) => s.current && s.unit.id === me?.unitId);
  const parts: (HTMLElement | null)[] = [
    returning && leadsTask(involved)
      ? h('p', { class: 'note', 'data-return-pending': '' }, t('lcReturnPending'))
      : null,
    !returning && !signed && leadsTask(involved) && canOnTask('returnTask', involved)
      ? returnRequestForm(task.id, refresh)
      : null,
    returning && can('acceptReturn') ? returnRuling(task, units, refresh) : null,
    proposal
      ? h(
          'p',
          { class: 'note', 'data-proposal-pending': '' },
          t('lcPendingProposal', {
            change: label('lifecycleChange', proposal.change),
            reason: proposal.reason,
          }),
        )
      : null,
    proposal && canAsLeaderOf('approveLifecycleChange', task.responsibleLeader)
      ? proposalDecision(task.id, refresh)
      : null,
    !proposal && can('proposeSuspension') ? proposalForms(task.id, task.suspended, refresh) : null,
    task.suspended && can('resumeTask') ? resumeForm(task.id, refresh) : null,
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
};

/** The returns asked for, the proposals made and the pauses, each with its ruling or outcome. */
export const lifecycleRecords = (task: TaskPage, officials: readonly UnitName[]) => [
  task.returnRequests.length > 0
    ? table(
        t('lcReturns'),
        [
          { label: t('lcRequestedBy'), cell: (row) => row.unit.name ?? row.unit.id },
          { label: t('reason'), cell: (row) => row.reason },
          { label: t('lcRequestedAt'), cell: (row) => dateTime(row.requestedAt) },
          { label: t('lcRuling'), cell: (row) => label('returnRuling', row.ruling) },
          { label: t('lcToUnit'), cell: (row) => row.toUnit?.name ?? row.toUnit?.id ?? '—' },
          { label: t('lcRulingReason'), cell: (row) => row.rulingReason ?? '—' },
        ],
        task.returnRequests,
      )
    : null,
  task.proposals.length > 0
    ? table(
        t('lcProposals'),
        [
          { label: t('lcChange'), cell: (row) => label('lifecycleChange', row.change) },
          { label: t('reason'), cell: (row) => row.reason },
          { label: t('lcProposedAt'), cell: (row) => dateTime(row.proposedAt) },
          { label: t('lcDecision'), cell: (row) => label('proposalDecision', row.decision) },
          {
            label: t('lcDecidedBy'),
            cell: (row) => (row.decidedBy ? unitName(officials, row.decidedBy) : '—'),
          },
          { label: t('lcComment'), cell: (row) => row.comment ?? '—' },
        ],
        task.proposals,
      )
    : null,
  task.suspensions.length > 0
    ? table(
        t('lcSuspensions'),
        [
          { label: t('reason'), cell: (row) => row.reason },
          { label: t('lcSuspendedAt'), cell: (row) => dateTime(row.suspendedAt) },
          { label: t('lcResumedAt'), cell: (row) => dateTime(row.resumedAt) },
          {
            label: t('lcShifted'),
            cell: (row) =>
              row.workingDaysShifted === null
                ? '—'
                : t('lcShiftedDays', { days: row.workingDaysShifted }),
          },
        ],
        task.suspensions,
      )
    : null,
];
