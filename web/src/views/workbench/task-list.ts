import { h } from '../../core/dom.ts';
import { label, percentText, taskLink } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import { can } from '../../core/session.ts';
import { matterForm } from '../../forms/office-matter.ts';
import { registerForm } from '../../forms/office-register.ts';
import { deskHref, deskLink } from './links.ts';
import { sectionTable } from './list.ts';
import type { Workbench } from './query.ts';
import type { Part } from './sections.ts';

/**
 * 登记事项: a new task; once registered, its desk opens, where it is assigned and
 * planned (the confirmation stands above the assignment form).
 */
export const registerPart: Part<Workbench> = {
  key: 'register',
  title: 'wbRegister',
  draw: (data) =>
    can('registerTask')
      ? registerForm(data.today, (taskId) => {
          location.hash = deskHref(taskId);
        })
      : null,
};

/**
 * 登记交办事项: a matter from a source other than the plan (批示件, 会议, 交办, 建议,
 * 提案, 诉求线索); once registered, its desk opens, as for a task of the plan.
 */
export const registerMatterPart: Part<Workbench> = {
  key: 'register-matter',
  title: 'wbRegisterMatter',
  draw: (data) =>
    can('registerMatter')
      ? matterForm(data.today, (taskId) => {
          location.hash = deskHref(taskId);
        })
      : null,
};

/** 督办事项: every task, the latest activity first, each with its desk. */
export const taskListPart: Part<Workbench> = {
  key: 'tasks',
  title: 'wbTaskList',
  draw: (data) => [
    h('p', { class: 'note' }, t('pageOf', { total: data.totalTasks })),
    sectionTable(
      t('wbTaskList'),
      [
        { label: t('task'), cell: (row) => taskLink(row.id, row.title) },
        { label: t('taskKind'), cell: (row) => tOf('taskKind', row.kind) },
        {
          label: t('status'),
          cell: (row) => h('span', { 'data-status': row.status }, label('status', row.status)),
        },
        { label: t('leadUnit'), cell: (row) => row.leadUnit?.name ?? '—' },
        { label: t('progress'), cell: (row) => percentText(row.progress), numeric: true },
        { label: t('nextDue'), cell: (row) => row.nextDueDate ?? row.dueDate },
        { label: t('overdueMilestones'), cell: (row) => row.overdueMilestones, numeric: true },
        { label: t('actions'), cell: (row) => deskLink(row.id, t('wbOpenDesk')) },
      ],
      data.tasks,
    ),
  ],
};
