import { h } from '../../core/dom.ts';
import { number, percentText, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can } from '../../core/session.ts';
import { noticeForm } from '../../forms/office-notice.ts';
import { proposedReplyBy, taskUnitOptions } from '../../forms/office-options.ts';
import { urgeDraftForm } from '../../forms/office-urge.ts';
import { overdueDrafts, redDrafts } from './drafts.ts';
import { sectionTable } from './list.ts';
import {
  type DeskTask,
  loadDesk,
  type OverdueMilestone,
  type RedTask,
  type Workbench,
} from './query.ts';
import { rowActions } from './row-action.ts';
import type { Acted, Part } from './sections.ts';

/** The task, read when a row's form opens: the units it may address, and today. */
const taskOf = async (taskId: string): Promise<{ task: DeskTask; today: string }> => {
  const desk = await loadDesk(taskId);
  if (!desk.task) throw new Error(t('notFound'));
  return { task: desk.task, today: desk.today };
};

const openTask = (taskId: string) => taskLink(taskId, t('wbOpenTask'));

/** The notice and urge buttons of one item, each opening its drafted form. */
const itemButtons = (
  actions: ReturnType<typeof rowActions>,
  item: { taskId: string; name: string; data: Record<string, string> },
  draft: (task: DeskTask, today: string) => ReturnType<typeof redDrafts>,
  acted: Acted,
) => {
  const done = () => acted({ taskId: item.taskId, link: openTask(item.taskId) });
  const drafted = async () => {
    const { task, today } = await taskOf(item.taskId);
    return { units: taskUnitOptions(task), drafts: draft(task, today) };
  };
  return h(
    'div',
    { class: 'wb-buttons' },
    can('issueSupervisionNotice')
      ? actions.button(
          t('wbIssueNotice'),
          `${t('wbIssueNotice')}：${item.name}`,
          { action: 'notice', ...item.data },
          t('wbNoticeAbout', { name: item.name }),
          async () => {
            const { units, drafts } = await drafted();
            return noticeForm(item.taskId, units, drafts.notice, done);
          },
        )
      : null,
    can('urgeTask')
      ? actions.button(
          t('urgeTask'),
          `${t('urgeTask')}：${item.name}`,
          { action: 'urge', ...item.data },
          t('wbUrgeAbout', { name: item.name }),
          async () => {
            const { units, drafts } = await drafted();
            return urgeDraftForm(item.taskId, units, drafts.urge, done);
          },
        )
      : null,
  );
};

/** 红灯任务: tasks more than 30 points behind or overdue, a red slip or an urge a click away. */
export const redPart: Part<Workbench> = {
  key: 'red',
  title: 'wbRedTasks',
  draw: (data, acted) => {
    const actions = rowActions();
    const buttons = (row: RedTask) =>
      row.leadUnitId
        ? itemButtons(
            actions,
            { taskId: row.taskId, name: row.title, data: { task: row.taskId } },
            (task, today) => redDrafts(row, task.leadUnit?.id ?? '', proposedReplyBy(today)),
            acted,
          )
        : t('wbNoLead');
    return [
      sectionTable(
        t('wbRedTasks'),
        [
          { label: t('task'), cell: (row) => taskLink(row.taskId, row.title) },
          { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
          { label: t('actual'), cell: (row) => percentText(row.actual), numeric: true },
          { label: t('expected'), cell: (row) => percentText(row.expected), numeric: true },
          { label: t('behind'), cell: (row) => number(row.behind), numeric: true },
          { label: t('dueDate'), cell: (row) => row.dueDate },
          { label: t('actions'), cell: buttons },
        ],
        data.red,
      ),
      actions.slot,
    ];
  },
};

/** The unit whose part an overdue milestone is: its owner, else the lead unit. */
const ownerOf = (task: DeskTask, milestoneId: string): string =>
  task.milestones.find((milestone) => milestone.id === milestoneId)?.ownerUnit?.id ??
  task.leadUnit?.id ??
  '';

/** 超期节点: milestones past their due date and not done, oldest first as the board gives them. */
export const overduePart: Part<Workbench> = {
  key: 'overdue',
  title: 'wbOverdueMilestones',
  draw: (data, acted) => {
    const actions = rowActions();
    const buttons = (row: OverdueMilestone) =>
      row.leadUnitId
        ? itemButtons(
            actions,
            {
              taskId: row.taskId,
              name: `${row.taskTitle} · ${row.title}`,
              data: { task: row.taskId, milestone: row.milestoneId },
            },
            (task, today) =>
              overdueDrafts(row, ownerOf(task, row.milestoneId), proposedReplyBy(today)),
            acted,
          )
        : t('wbNoLead');
    return [
      sectionTable(
        t('wbOverdueMilestones'),
        [
          { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
          { label: t('milestone'), cell: (row) => row.title },
          { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
          { label: t('dueDate'), cell: (row) => row.dueDate },
          { label: t('daysOverdue'), cell: (row) => row.daysOverdue, numeric: true },
          { label: t('percent'), cell: (row) => percentText(row.percent), numeric: true },
          { label: t('actions'), cell: buttons },
        ],
        data.overdue,
      ),
      actions.slot,
    ];
  },
};
