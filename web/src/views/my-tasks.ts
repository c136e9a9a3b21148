import { gql } from '../core/api.ts';
import { h } from '../core/dom.ts';
import {
  type Column,
  type Light,
  label,
  lightBadge,
  percentText,
  table,
  taskLink,
} from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { currentUser } from '../core/session.ts';
import { byUrgency, urgencyOf } from '../domain/urgency.ts';
import { exportButton } from '../export/export-button.ts';
import { exportMyTasks } from '../export/my-tasks-export.ts';
import { myTasksQuery } from '../operations/boards.ts';
import { pendingDrafts } from './pending-drafts.ts';

interface ProgressRow {
  taskId: string;
  title: string;
  leadUnitId: string | null;
  light: Light | null;
  dueDate: string;
  actual: number;
  expected: number;
}

const openStates = new Set(['UPCOMING', 'DUE_SOON', 'OVERDUE']);

/** 本单位任务: the tasks the unit leads or co-owns, the most urgent first. */
export const myTasksView = async (): Promise<HTMLElement> => {
  const unitId = currentUser()?.unitId ?? null;
  const data = await gql<{
    progressBoard: { nodes: ProgressRow[] };
    stageBoard: { nodes: { taskId: string; state: string; dueDate: string }[] };
  }>(myTasksQuery, { unitId });
  const rows = byUrgency(
    data.progressBoard.nodes.map((row) => {
      const stages = data.stageBoard.nodes.filter((stage) => stage.taskId === row.taskId);
      const open = stages
        .filter((stage) => openStates.has(stage.state))
        .map((stage) => stage.dueDate);
      return {
        ...row,
        stages: stages.map((stage) => stage.state),
        nextDue: open.sort()[0] ?? row.dueDate,
      };
    }),
  );
  const columns: Column<(typeof rows)[number]>[] = [
    {
      label: t('urgency'),
      cell: (row) =>
        h('span', { class: `urgency urgency-${urgencyOf(row)}` }, label('urgency', urgencyOf(row))),
    },
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.title) },
    { label: t('role'), cell: (row) => (row.leadUnitId === unitId ? t('leads') : t('coOwns')) },
    { label: t('light'), cell: (row) => lightBadge(row.light) },
    { label: t('actual'), cell: (row) => percentText(row.actual), numeric: true },
    { label: t('expected'), cell: (row) => percentText(row.expected), numeric: true },
    { label: t('nextDue'), cell: (row) => row.nextDue },
  ];
  const drafts = await pendingDrafts(rows.map((row) => row.taskId));
  return h(
    'section',
    { 'data-ready': 'my-tasks' },
    h('h1', { tabindex: '-1' }, t('myTasks')),
    drafts,
    h(
      'div',
      { class: 'board-tools' },
      exportButton(() => exportMyTasks(unitId, columns, rows)),
    ),
    table(t('myTasks'), columns, rows),
  );
};
