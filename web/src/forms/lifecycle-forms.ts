import { h } from '../core/dom.ts';
import { actionForm, folded } from './form.ts';
import { mutate, optional } from './mutate.ts';
import { newLeadFields } from './office-assign.ts';
import { type Named, picked } from './office-options.ts';

/** 退回申请: the lead unit asks the office to take the task back, before signing. */
export const returnRequestForm = (taskId: string, done: () => void) =>
  folded(
    'lcAskReturn',
    actionForm({
      title: 'lcAskReturn',
      fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
      submitLabel: 'lcAskReturn',
      submit: (values) => mutate('returnTask', { taskId, reason: values.reason }),
      done,
    }),
  );

/**
 * The office's ruling on a return: hand the task to another unit (neither the
 * one that returned it nor a cooperating unit), or refuse and leave it where it is.
 */
export const returnRuling = (
  task: { id: string; leadUnit: Named | null; cooperatingUnits: readonly Named[] },
  units: readonly Named[],
  done: () => void,
) => {
  return h(
    'div',
    { class: 'decision', 'data-return-ruling': task.id },
    folded(
      'lcAcceptReturn',
      actionForm({
        title: 'lcAcceptReturn',
        fields: newLeadFields(task, units),
        submitLabel: 'lcAcceptReturn',
        submit: (values) =>
          mutate('acceptReturn', {
            taskId: task.id,
            toUnitId: picked('toUnitId', values.toUnitId),
            reason: values.reason,
          }),
        done,
      }),
    ),
    folded(
      'lcRefuseReturn',
      actionForm({
        title: 'lcRefuseReturn',
        fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
        submitLabel: 'lcRefuseReturn',
        submit: (values) => mutate('refuseReturn', { taskId: task.id, reason: values.reason }),
        done,
      }),
    ),
  );
};

/** The office proposes to suspend (not while suspended) or terminate; the responsible leader decides. */
export const proposalForms = (taskId: string, suspended: boolean, done: () => void) =>
  h(
    'div',
    { class: 'decision', 'data-proposals': taskId },
    suspended
      ? null
      : folded(
          'lcProposeSuspension',
          actionForm({
            title: 'lcProposeSuspension',
            fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
            submitLabel: 'lcProposeSuspension',
            submit: (values) => mutate('proposeSuspension', { taskId, reason: values.reason }),
            done,
          }),
        ),
    folded(
      'lcProposeTermination',
      actionForm({
        title: 'lcProposeTermination',
        fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
        submitLabel: 'lcProposeTermination',
        submit: (values) => mutate('proposeTermination', { taskId, reason: values.reason }),
        done,
      }),
    ),
  );

/** The office resumes a suspended task; its dates move on by the working days paused. */
export const resumeForm = (taskId: string, done: () => void) =>
  folded(
    'lcResume',
    actionForm({
      title: 'lcResume',
      fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
      submitLabel: 'lcResume',
      submit: (values) => mutate('resumeTask', { taskId, reason: values.reason }),
      done,
    }),
  );

/** The responsible leader approves (with a comment if they like) or rejects (with the reason). */
export const proposalDecision = (taskId: string, done: () => void) =>
  h(
    'div',
    { class: 'decision', 'data-proposal-decision': taskId },
    folded(
      'lcApprove',
      actionForm({
        title: 'lcApprove',
        fields: [{ name: 'comment', label: 'lcComment', kind: 'textarea' }],
        submitLabel: 'lcApprove',
        submit: (values) =>
          mutate('approveLifecycleChange', { taskId, comment: optional(values.comment) }),
        done,
      }),
    ),
    folded(
      'lcReject',
      actionForm({
        title: 'lcReject',
        fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
        submitLabel: 'lcReject',
        submit: (values) => mutate('rejectLifecycleChange', { taskId, reason: values.reason }),
        done,
      }),
    ),
  );
