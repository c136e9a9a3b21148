import { gql } from '../../core/api.ts';
import { h } from '../../core/dom.ts';
import { type Light, label, lightBadge, percentText, table, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { subTaskLightsQuery } from '../../operations/tasks.ts';
import type { TaskPage } from './query.ts';

/**
 * The lights of the task's sub-tasks, from the progress board of its lead
 * unit's subtree; none asked when it has no sub-tasks.
 */
export const loadSubTaskLights = async (task: TaskPage): Promise<Map<string, Light | null>> => {
  if (task.subTasks.length === 0 || !task.leadUnit) return new Map();
  const data = await gql<{ progressBoard: { nodes: { taskId: string; light: Light | null }[] } }>(
    subTaskLightsQuery,
    { unitId: task.leadUnit.id },
  );
  return new Map(data.progressBoard.nodes.map((node) => [node.taskId, node.light]));
};

/** The task it was split from, linked; nothing for a task of its own. */
export const parentTaskLine = (task: TaskPage) =>
  task.parentTask
    ? h(
        'p',
        { class: 'parent-task' },
        `${t('parentTask')}：`,
        taskLink(task.parentTask.id, task.parentTask.title),
      )
    : null;

/**
 * 分解交办: the sub-tasks split from the task, each linked, with its unit,
 * weight, due date, progress (its own sub-tasks rolled up), status and light;
 * and the task's progress with them rolled up.
 */
export const subTaskTable = (task: TaskPage, lights: ReadonlyMap<string, Light | null>) =>
  task.subTasks.length === 0
    ? null
    : h(
        'section',
        { class: 'sub-tasks', 'data-sub-tasks': task.subTasks.length },
        h('h2', {}, t('subTasks')),
        h(
          'p',
          { class: 'rolled-up', title: t('rolledUpHelp') },
          `${t('rolledUpProgress')}：`,
          h(
            'strong',
            { 'data-rolled-up': task.rolledUpProgress },
            percentText(task.rolledUpProgress),
          ),
        ),
        table(
          t('subTasks'),
          [
            { label: t('subTaskTitle'), cell: (row) => taskLink(row.taskId, row.title) },
            { label: t('subTaskUnit'), cell: (row) => row.unit.name ?? row.unit.id },
            { label: t('subTaskWeight'), cell: (row) => String(row.weight), numeric: true },
            { label: t('subTaskDue'), cell: (row) => row.dueDate },
            { label: t('progress'), cell: (row) => percentText(row.progress), numeric: true },
            { label: t('status'), cell: (row) => (row.status ? label('status', row.status) : '—') },
            { label: t('light'), cell: (row) => lightBadge(lights.get(row.taskId) ?? null) },
          ],
          task.subTasks,
        ),
      );
