import { type Child, h } from '../../core/dom.ts';
import { type Column, label, number, table, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { extensionStepForm } from '../../forms/extension-steps.ts';
import { blockageAgeColumns } from '../blockage-columns.ts';
import type { Cockpit, OverdueMilestone } from './data.ts';
import { boardHref, type CockpitScope } from './links.ts';
import { type BlockedTask, blockedTasks, type WorstTask, worstTasks } from './worst.ts';

/** How many tasks held up the cockpit lists; the blockage board has them all. */
const blockedShown = 10;

/** A link to the whole list when the cockpit shows only part of it. */
const more = (shown: number, total: number, href: string, text: string): Child =>
  total > shown ? h('p', { class: 'more' }, h('a', { href }, text)) : null;

/**
 * An overdue milestone, with its extensions and the next step on an open one
 * for whoever may take it: the office's review, the responsible leader's decision.
 */
const overdueMilestone = (refresh: () => void) => (milestone: OverdueMilestone) =>
  h(
    'li',
    {},
    `${milestone.title} · ${t('overdueFor', { days: milestone.daysOverdue })}`,
    milestone.extensions.map((extension) =>
      h(
        'div',
        {},
        `${label('ext', extension.status)} → ${extension.requestedDueDate}`,
        extensionStepForm(milestone, extension, refresh),
      ),
    ),
  );

/** The tasks behind the red count, each once, its overdue milestones beside it. */
export const redTaskTable = (
  cockpit: Cockpit,
  scope: CockpitScope,
  refresh: () => void,
): HTMLElement => {
  const rows = worstTasks(cockpit);
  const columns: Column<WorstTask>[] = [
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.title) },
    { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
    { label: t('behind'), cell: (row) => number(row.behind, 1), numeric: true },
    {
      label: t('overdueMilestones'),
      cell: (row) =>
        row.overdue.length > 0
          ? h('ul', { class: 'plain' }, row.overdue.map(overdueMilestone(refresh)))
          : '—',
    },
    { label: t('dueDate'), cell: (row) => row.dueDate },
  ];
  return h(
    'section',
    { class: 'red-tasks', 'data-testid': 'red-tasks' },
    table(t('redTasks', { count: cockpit.red.totalCount }), columns, rows),
    more(
      rows.length,
      cockpit.red.totalCount,
      boardHref('progress', { light: 'RED' }, scope),
      t('redTasksAll', { total: cockpit.red.totalCount }),
    ),
  );
};

/** The tasks held up longest, each once with its oldest blockage. */
export const blockedTaskTable = (
  cockpit: Cockpit,
  scope: CockpitScope,
  refresh: () => void,
): HTMLElement => {
  const columns: Column<BlockedTask>[] = [
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
    {
      label: t('description'),
      cell: (row) => [
        row.description,
        row.others > 0
          ? h('div', { class: 'help' }, t('moreBlockages', { count: row.others }))
          : null,
      ],
    },
    { label: t('waitingOn'), cell: (row) => row.waitingOnUnitName ?? '—' },
    ...blockageAgeColumns<BlockedTask>(refresh),
  ];
  return h(
    'section',
    { class: 'blocked-tasks', 'data-testid': 'blocked-tasks' },
    table(t('blockedTasks'), columns, blockedTasks(cockpit, blockedShown)),
    more(
      0,
      cockpit.blockages.totalCount,
      boardHref('blockage', {}, scope),
      t('blockagesAll', { total: cockpit.blockages.totalCount }),
    ),
  );
};
