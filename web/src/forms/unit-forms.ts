import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';
import { can, currentUser } from '../core/session.ts';
import { extensionTargets } from '../domain/extension-targets.ts';
import type { Evidence } from './evidence.ts';
import { actionForm, type Field, folded, type Values } from './form.ts';
import { mutate, numeric, optional } from './mutate.ts';

/** What the department head's forms need to know of the task. */
export interface UnitFormTask {
  id: string;
  /** The task's own due date now. */
  dueDate: string;
  /**
   * The day the page is for, and the last day of each limit (the due date, or the
   * next working day when it falls on a day off): more time is asked by the limit.
   */
  today: string;
  taskLimit: string;
  milestones: readonly {
    id: string;
    title: string;
    status: string;
    progress: number;
    dueDate: string;
    limitDate: string;
    /** Recorded overdue by the clock: past asking more time for. */
    overdue: boolean;
    ownerUnit: { id: string } | null;
  }[];
  units: readonly { value: string; label: string }[];
  /** The user's unit when it only cooperates: it reports on its own milestones alone. */
  cooperatingAs: string | null;
}

const openMilestones = (task: UnitFormTask) =>
  task.milestones
    .filter((milestone) => milestone.status !== 'COMPLETED')
    .filter((milestone) => !task.cooperatingAs || milestone.ownerUnit?.id === task.cooperatingAs)
    .map((milestone) => ({
      value: milestone.id,
      label: `${milestone.title}（${milestone.progress}%）`,
    }));

/** 签收: the unit acknowledges the task. */
export const signForm = (taskId: string, done: () => void) =>
  actionForm({
    title: 'signTask',
    fields: [],
    submitLabel: 'signTask',
    submit: () => mutate('signTask', { taskId }),
    done,
  });

/**
 * 代录: the office records a unit's report only with the unit's source named
 * (who reported, when, how); a unit's own forms have no such field.
 */
const proxyField = (): Field[] =>
  currentUser()?.role === 'office'
    ? [{ name: 'proxySource', label: 'proxySource', kind: 'text' }]
    : [];

const proxyOf = (values: Values) =>
  currentUser()?.role === 'office' ? { proxySource: optional(values.proxySource) } : {};

/** Progress with evidence: the file is hashed in the page; its digest goes into the note. */
export const progressForm = (task: UnitFormTask, done: () => void) =>
  actionForm({
    title: 'reportProgress',
    fields: [
      { name: 'milestoneId', label: 'milestone', kind: 'select', options: openMilestones(task) },
      { name: 'percent', label: 'percent', kind: 'number', min: 0, max: 100 },
      { name: 'note', label: 'note', kind: 'textarea' },
      { name: 'evidence', label: 'evidence', kind: 'file' },
      ...proxyField(),
    ],
    submit: (values) =>
      mutate('reportProgress', {
        taskId: task.id,
        milestoneId: values.milestoneId,
        percent: numeric(values.percent),
        note: optional(String(values.note)),
        evidence: values.evidence as Evidence[],
        ...proxyOf(values),
      }),
    done,
  });

export const completeForm = (task: UnitFormTask, done: () => void) =>
  actionForm({
    title: 'completeMilestone',
    fields: [
      { name: 'milestoneId', label: 'milestone', kind: 'select', options: openMilestones(task) },
      { name: 'note', label: 'note', kind: 'textarea' },
      ...proxyField(),
    ],
    submit: (values) =>
      mutate('completeMilestone', {
        taskId: task.id,
        milestoneId: values.milestoneId,
        note: optional(values.note),
        ...proxyOf(values),
      }),
    done,
  });

export const blockageForm = (task: UnitFormTask, done: () => void) =>
  actionForm({
    title: 'reportBlockage',
    fields: [
      { name: 'description', label: 'description', kind: 'textarea' },
      {
        name: 'waitingOnUnitId',
        label: 'waitingOn',
        kind: 'select',
        options: [{ value: '', label: t('none') }, ...task.units],
      },
    ],
    submit: (values) =>
      mutate('reportBlockage', {
        taskId: task.id,
        description: values.description,
        waitingOnUnitId: optional(values.waitingOnUnitId),
      }),
    done,
  });

/** The choices of 延期对象, in words: the task itself, or a milestone, each with its due date now. */
const targetOptions = (task: UnitFormTask) =>
  extensionTargets(task).map((target) =>
    target.milestoneId === null
      ? { value: '', label: t('extTaskItself', { due: target.dueDate }) }
      : {
          value: target.milestoneId,
          label: t('extMilestone', { title: target.title ?? '', due: target.dueDate }),
        },
  );

/** 延期申请 of the lead unit: for the task itself or a milestone, before the limit, with the reason. */
export const extensionForm = (task: UnitFormTask, done: () => void) =>
  actionForm({
    title: 'requestExtension',
    intro: h('p', { class: 'note' }, t('requestExtensionHelp')),
    fields: [
      { name: 'milestoneId', label: 'extTarget', kind: 'select', options: targetOptions(task) },
      { name: 'requestedDueDate', label: 'requestedDueDate', kind: 'date' },
      { name: 'reason', label: 'reason', kind: 'textarea' },
    ],
    submit: (values) =>
      mutate('requestDeadlineExtension', {
        taskId: task.id,
        // The task's own due date is asked without a milestone.
        milestoneId: optional(values.milestoneId),
        requestedDueDate: values.requestedDueDate,
        reason: values.reason,
      }),
    done,
  });

/** 答复督办单, with evidence sent as digests. */
export const answerForm = (taskId: string, noticeId: string, done: () => void) =>
  folded(
    'answerNotice',
    actionForm({
      title: 'answerNotice',
      fields: [
        { name: 'answer', label: 'answer', kind: 'textarea' },
        { name: 'evidence', label: 'evidence', kind: 'file' },
      ],
      submit: (values) =>
        mutate('answerSupervisionNotice', {
          taskId,
          noticeId,
          answer: values.answer,
          evidence: values.evidence,
        }),
      done,
    }),
  );

/** The unit's forms for a task, each folded until opened. */
export const unitForms = (
  task: UnitFormTask,
  options: { canSign: boolean; leads: boolean },
  done: () => void,
) =>
  h(
    'div',
    { class: 'forms' },
    options.canSign ? folded('signTask', signForm(task.id, done)) : null,
    folded('reportProgress', progressForm(task, done)),
    // A liaison (联络员) signs and reports; completing, blockages and extensions stay with the head.
    can('completeMilestone') ? folded('completeMilestone', completeForm(task, done)) : null,
    can('reportBlockage') ? folded('reportBlockage', blockageForm(task, done)) : null,
    can('requestDeadlineExtension') && options.leads && extensionTargets(task).length > 0
      ? folded('requestExtension', extensionForm(task, done))
      : null,
  );
