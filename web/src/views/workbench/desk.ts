import { h } from '../../core/dom.ts';
import { dateTime, label, percentText, table, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can } from '../../core/session.ts';
import { folded } from '../../forms/form.ts';
import { accountabilityForm } from '../../forms/office-accountability.ts';
import { assignForm, transferForm } from '../../forms/office-assign.ts';
import { noticeForm } from '../../forms/office-notice.ts';
import { proposedReplyBy, taskUnitOptions } from '../../forms/office-options.ts';
import { indicatorForm, milestoneForm } from '../../forms/office-plan.ts';
import { splitForm } from '../../forms/office-register.ts';
import { urgeDraftForm } from '../../forms/office-urge.ts';
import { targetText } from '../indicator-target.ts';
import { unitName } from '../lookups.ts';
import { deskLink } from './links.ts';
import { sectionTable } from './list.ts';
import { type Desk, type DeskTask, loadDesk } from './query.ts';
import { type Acted, liveSections, type Part } from './sections.ts';

/** The desk once its task is known. */
type TaskDesk = Desk & { task: DeskTask };

/** A form shown open where it is the next step, folded where it is one of many. */
const shown = (open: boolean, form: HTMLElement, title: Parameters<typeof folded>[0]) =>
  open ? form : folded(title, form);

const assignmentFacts = ({ task, officials }: TaskDesk) =>
  h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('status')),
    h('dd', { 'data-status': task.status }, label('status', task.status)),
    h('dt', {}, t('plannedStart')),
    h('dd', {}, `${task.plannedStart} → ${task.dueDate}`),
    h('dt', {}, t('leadUnit')),
    h('dd', { 'data-lead': task.leadUnit?.id ?? '' }, task.leadUnit?.name ?? '—'),
    h('dt', {}, t('coUnits')),
    h('dd', {}, task.cooperatingUnits.map((unit) => unit.name ?? unit.id).join('、') || '—'),
    h('dt', {}, t('responsibleLeader')),
    h('dd', {}, task.responsibleLeader ? unitName(officials, task.responsibleLeader) : '—'),
  );

/** 交办: who answers for the task; assigned here, or transferred once it has a lead. */
const assignmentPart: Part<TaskDesk> = {
  key: 'assignment',
  title: 'wbAssignment',
  draw: (desk, acted) => {
    const done = () => acted({ taskId: desk.task.id });
    return [
      assignmentFacts(desk),
      can('assignTask')
        ? shown(!desk.task.leadUnit, assignForm(desk.task, desk, done), 'wbReassign')
        : null,
      desk.task.leadUnit && can('transferTask')
        ? folded('wbTransfer', transferForm(desk.task, desk.units, done))
        : null,
    ];
  },
};

/** 节点: the plan of the task, and a milestone more. */
const milestonesPart: Part<TaskDesk> = {
  key: 'milestones',
  title: 'wbMilestones',
  draw: ({ task }, acted) => [
    sectionTable(
      t('wbMilestones'),
      [
        { label: t('milestone'), cell: (row) => row.title },
        { label: t('dueDate'), cell: (row) => row.dueDate },
        { label: t('wbWeight'), cell: (row) => row.weight, numeric: true },
        {
          label: t('owner'),
          cell: (row) => row.ownerUnit?.name ?? task.leadUnit?.name ?? t('leadUnit'),
        },
        { label: t('progress'), cell: (row) => percentText(row.progress), numeric: true },
      ],
      task.milestones,
    ),
    can('planMilestone')
      ? shown(
          task.milestones.length === 0,
          milestoneForm(task, () => acted({ taskId: task.id })),
          'wbPlanMilestone',
        )
      : null,
  ],
};

/** 指标 (实效): what the task must reach, and one more. */
const indicatorsPart: Part<TaskDesk> = {
  key: 'indicators',
  title: 'indicators',
  draw: ({ task }, acted) => [
    sectionTable(
      t('indicators'),
      [
        { label: t('indicator'), cell: (row) => row.name },
        { label: t('target'), cell: targetText },
        { label: t('wbBaseline'), cell: (row) => row.baseline ?? '—' },
        { label: t('dueDate'), cell: (row) => row.dueDate },
      ],
      task.indicators,
    ),
    can('defineIndicator')
      ? folded(
          'wbDefineIndicator',
          indicatorForm(task, () => acted({ taskId: task.id })),
        )
      : null,
  ],
};

/** 拆分: a sub-task registered with its parent named; its own desk is linked once it is. */
const splitPart: Part<TaskDesk> = {
  key: 'split',
  title: 'wbSplit',
  draw: ({ task }, acted) =>
    can('registerTask')
      ? folded(
          'wbSplit',
          splitForm(task, (subTaskId) => acted({ link: deskLink(subTaskId, t('wbOpenSubTask')) })),
        )
      : null,
};

const noticesTable = (task: DeskTask) =>
  table(
    t('notices'),
    [
      { label: t('level'), cell: (row) => label('notice', row.level) },
      { label: t('unit'), cell: (row) => row.toUnit.name ?? row.toUnit.id },
      { label: t('wbSubject'), cell: (row) => row.subject },
      { label: t('replyDue'), cell: (row) => row.replyDueDate },
      { label: t('status'), cell: (row) => (row.answered ? t('answered') : t('unanswered')) },
    ],
    task.notices,
  );

const urgesTable = (task: DeskTask) =>
  table(
    t('urges'),
    [
      { label: t('urgedOn'), cell: (row) => row.urgedOn },
      { label: t('unit'), cell: (row) => row.unit.name ?? row.unit.id },
      { label: t('urgeMessage'), cell: (row) => row.message },
      { label: t('replyDue'), cell: (row) => row.replyBy ?? '—' },
    ],
    task.urges,
  );

/** 督办单 and 催办 of the task: those sent, and a new one to its lead or a cooperating unit. */
const supervisionPart: Part<TaskDesk> = {
  key: 'supervision',
  title: 'wbSupervision',
  draw: ({ task, today }, acted: Acted) => {
    const units = taskUnitOptions(task);
    const replyBy = proposedReplyBy(today);
    const done = () => acted({ taskId: task.id, link: taskLink(task.id, t('wbOpenTask')) });
    return [
      noticesTable(task),
      urgesTable(task),
      task.leadUnit && can('issueSupervisionNotice')
        ? folded('wbNotice', noticeForm(task.id, units, { replyDueDate: replyBy }, done))
        : null,
      task.leadUnit && can('urgeTask')
        ? folded('wbUrge', urgeDraftForm(task.id, units, { replyBy }, done))
        : null,
    ];
  },
};

/** 问责 on the task: those recorded, and one more. */
const accountabilityPart: Part<TaskDesk> = {
  key: 'accountability',
  title: 'wbAccountabilityRecords',
  draw: (desk, acted) => [
    sectionTable(
      t('wbAccountabilityRecords'),
      [
        { label: t('recordedAt'), cell: (row) => dateTime(row.recordedAt) },
        {
          label: t('wbAgainst'),
          cell: (row) =>
            row.against.kind === 'UNIT'
              ? (row.against.unit?.name ?? row.against.id)
              : unitName(desk.officials, row.against.id),
        },
        { label: t('wbAccountabilityKind'), cell: (row) => label('wbKind', row.kind) },
        { label: t('reason'), cell: (row) => row.reason },
        { label: t('wbDeduction'), cell: (row) => row.scoreDeduction, numeric: true },
        { label: t('wbAccountabilityStatus'), cell: (row) => label('wbStatus', row.status) },
      ],
      desk.task.accountabilityRecords,
    ),
    can('recordAccountability')
      ? folded(
          'wbAccountability',
          accountabilityForm(
            {
              id: desk.task.id,
              units: [
                ...(desk.task.leadUnit ? [desk.task.leadUnit] : []),
                ...desk.task.cooperatingUnits,
              ],
            },
            desk,
            () => acted({ taskId: desk.task.id }),
          ),
        )
      : null,
  ],
};

/** The desk's loads: the first, already made, then a fresh one after each action. */
const loads = (taskId: string, first: TaskDesk) => {
  let pending: TaskDesk | null = first;
  return async (): Promise<TaskDesk> => {
    const ready = pending;
    pending = null;
    if (ready) return ready;
    const desk = await loadDesk(taskId);
    if (!desk.task) throw new Error(t('notFound'));
    return { ...desk, task: desk.task };
  };
};

/**
 * 办理: one task on the office's desk, with the forms to assign it, plan its
 * milestones and indicators, split it, supervise it and hold to account.
 */
export const taskDesk = async (taskId: string): Promise<HTMLElement> => {
  const first = await loadDesk(taskId);
  if (!first.task) return h('section', {}, h('h1', { tabindex: '-1' }, t('notFound')));
  const task = first.task;
  return h(
    'section',
    { 'data-ready': 'workbench-task', 'data-task': task.id, class: 'workbench' },
    h('h1', { tabindex: '-1' }, t('wbDeskTitle', { title: task.title })),
    h(
      'p',
      {},
      h('a', { href: '#/workbench' }, t('wbBack')),
      ' · ',
      taskLink(task.id, t('wbOpenTask')),
    ),
    task.description ? h('p', { class: 'note' }, task.description) : null,
    await liveSections(loads(taskId, { ...first, task }), [
      assignmentPart,
      milestonesPart,
      indicatorsPart,
      supervisionPart,
      accountabilityPart,
      splitPart,
    ]),
  );
};
