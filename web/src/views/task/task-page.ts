import { h } from '../../core/dom.ts';
import { label, lightBadge, percentText } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import type { Route } from '../../core/route.ts';
import { can, canOnTask, currentUser, leadsTask } from '../../core/session.ts';
import { bonusForm } from '../../forms/bonus-form.ts';
import { instructionForm } from '../../forms/leader-forms.ts';
import { evaluationForm, replyForm } from '../../forms/matter-forms.ts';
import { splitTaskForm } from '../../forms/split-task.ts';
import { unitForms } from '../../forms/unit-forms.ts';
import { urgeForm } from '../../forms/urge-task.ts';
import {
  allOfficials,
  allUnits,
  isAbove,
  type UnitName,
  unitName,
  unitsBelow,
} from '../lookups.ts';
import { markIfAssumed } from './assumed.ts';
import { bonusTable } from './bonuses.ts';
import { extensionTable } from './extensions.ts';
import { historyTimeline } from './history.ts';
import { lifecycleActions, lifecycleRecords } from './lifecycle.ts';
import { lightChangeTable } from './light-changes.ts';
import { evaluationTables, replyTable, sourceBlock } from './matters.ts';
import { milestoneTimeline } from './milestones.ts';
import { loadTask, loadTaskBoards, type TaskBoards, type TaskPage } from './query.ts';
import { blockageTable, indicatorTable, instructionList, noticeTable } from './records.ts';
import { loadSubTaskLights, parentTaskLine, subTaskTable } from './sub-tasks.ts';
import { draftTable, missedReportTable } from './time-limits.ts';
import { urgeTable } from './urges.ts';

const facts = (
  task: TaskPage,
  light: ReturnType<typeof lightBadge>,
  officials: readonly UnitName[],
) =>
  h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('taskKind')),
    h('dd', { 'data-kind': task.kind }, tOf('taskKind', task.kind)),
    h('dt', {}, t('section')),
    h('dd', {}, task.section ?? '—'),
    h('dt', {}, t('leadUnit')),
    h(
      'dd',
      {},
      task.leadUnit?.name ?? '—',
      markIfAssumed(task.assumed, 'LEAD_UNIT', t('leadUnit')),
    ),
    h('dt', {}, t('coUnits')),
    h(
      'dd',
      {},
      task.cooperatingUnits.map((unit) => unit.name ?? unit.id).join('、') || '—',
      markIfAssumed(task.assumed, 'COOPERATING_UNITS', t('coUnits')),
    ),
    h('dt', {}, t('responsibleLeader')),
    h(
      'dd',
      { 'data-official': task.responsibleLeader ?? '' },
      task.responsibleLeader ? unitName(officials, task.responsibleLeader) : '—',
      markIfAssumed(task.assumed, 'RESPONSIBLE_LEADER', t('responsibleLeader')),
    ),
    h('dt', {}, t('plannedStart')),
    h(
      'dd',
      {},
      h('span', { class: 'date' }, task.plannedStart),
      markIfAssumed(task.assumed, 'PLANNED_START', t('plannedStart')),
      ' → ',
      h('span', { class: 'date' }, task.dueDate),
      markIfAssumed(task.assumed, 'DUE_DATE', t('dueDate')),
    ),
    h('dt', {}, t('status')),
    h('dd', { 'data-status': task.status }, label('status', task.status)),
    h('dt', {}, t('progress')),
    h('dd', { 'data-progress': '' }, progressText(task), ' ', light),
    h('dt', {}, t('reportingCycle')),
    h('dd', { 'data-cycle': task.reportingCycle }, label('reportingCycle', task.reportingCycle)),
  );

/**
 * The task's progress as the boards and its light count it: with sub-tasks,
 * rolled up, its own milestones' part beside it.
 */
const progressText = (task: TaskPage): string =>
  task.subTasks.length === 0
    ? percentText(task.progress)
    : `${percentText(task.rolledUpProgress)}（${t('ownProgress')} ${percentText(task.progress)}）`;

const taskUnits = (task: TaskPage) => ({
  leadUnitId: task.leadUnit?.id ?? null,
  cooperatingUnitIds: task.cooperatingUnits.map((unit) => unit.id),
});

/** The day the page is for and each limit, as the boards count them (the due dates else). */
const limits = (task: TaskPage, boards: TaskBoards) => ({
  today: boards.day,
  taskLimit: boards.limitDate ?? task.dueDate,
  milestones: task.milestones.map((milestone) => ({
    ...milestone,
    limitDate:
      boards.stages.find((row) => row.milestoneId === milestone.id)?.limitDate ?? milestone.dueDate,
  })),
});

/** Kinds whose proposer rates the answer: 建议 and 提案. */
const ratedKinds = ['DEPUTY_SUGGESTION', 'CPPCC_PROPOSAL'];

/**
 * A matter's forms: the lead unit answers its source while it is open; the
 * office records the proposer's rating of the last answer, once.
 */
const matterForms = (task: TaskPage, refresh: () => void) => {
  if (task.kind === 'ANNUAL_PLAN') return [];
  const open = task.status !== 'CLOSED' && task.status !== 'TERMINATED' && !task.suspended;
  const answering =
    open && canOnTask('replyToSource', taskUnits(task)) && leadsTask(taskUnits(task));
  const last = task.replies.at(-1);
  const rated = last !== undefined && task.evaluations.some((e) => e.replyId === last.id);
  const rating =
    ratedKinds.includes(task.kind) &&
    last !== undefined &&
    !rated &&
    task.status !== 'TERMINATED' &&
    can('recordProposerEvaluation');
  return [
    answering ? replyForm(task.id, refresh) : null,
    rating ? evaluationForm(task.id, refresh) : null,
  ];
};

/**
 * Whether the user heads a unit above one of the task's units in the tree: it
 * acts on the task as the unit it oversees does (the server checks the same).
 */
const oversees = (task: TaskPage, directory: readonly UnitName[]): boolean => {
  const me = currentUser();
  const { leadUnitId, cooperatingUnitIds } = taskUnits(task);
  return (
    me?.role === 'department_head' &&
    !!me.unitId &&
    isAbove(directory, me.unitId, [leadUnitId, ...cooperatingUnitIds])
  );
};

/** 分解交办, for the office or the lead unit's head, when the lead unit has units below it. */
const splitForm = (task: TaskPage, directory: readonly UnitName[], refresh: () => void) => {
  const involved = taskUnits(task);
  const me = currentUser();
  const mayAct = me?.role === 'office' || leadsTask(involved);
  if (!task.leadUnit || !mayAct || !canOnTask('splitTask', involved)) return null;
  const below = unitsBelow(directory, task.leadUnit.id);
  return below.length > 0 ? splitTaskForm(task, below, refresh) : null;
};

/** The forms the user's role may use on this task, and only those. */
const forms = (
  task: TaskPage,
  boards: TaskBoards,
  units: { value: string; label: string }[],
  directory: readonly UnitName[],
  refresh: () => void,
) => {
  const me = currentUser();
  const involved = taskUnits(task);
  const signedNow = task.signatures.some((s) => s.current && s.unit.id === me?.unitId);
  // A unit that asked to return the task signs only once the office refused.
  const returning = task.returnRequests.some(
    (request) => request.ruling === 'PENDING' && request.unit.id === me?.unitId,
  );
  const above = oversees(task, directory);
  const parts = [
    canOnTask('reportProgress', involved) || above
      ? unitForms(
          {
            id: task.id,
            dueDate: task.dueDate,
            ...limits(task, boards),
            // A unit is never waited on by itself.
            units: units.filter((unit) => unit.value !== me?.unitId),
            cooperatingAs: leadsTask(involved) || above ? null : (me?.unitId ?? null),
          },
          {
            canSign: canOnTask('signTask', involved) && !signedNow && !returning,
            leads: leadsTask(involved) || above,
          },
          refresh,
        )
      : null,
    splitForm(task, directory, refresh),
    can('issueLeadershipInstruction') ? instructionForm(task.id, refresh) : null,
    can('awardBonus') ? bonusForm(task, refresh) : null,
    can('urgeTask') && task.leadUnit
      ? urgeForm({ ...task, leadUnit: task.leadUnit }, refresh)
      : null,
    ...matterForms(task, refresh),
    ...lifecycleActions(task, directory, refresh),
  ].filter(Boolean);
  return parts.length > 0
    ? h('section', { class: 'task-forms' }, h('h2', {}, t('forms')), parts)
    : null;
};

/**
 * The task page: facts, milestones, extension requests, indicators, blockages,
 * notices, urges, instructions, bonus points and history.
 */
export const taskView = async (route: Route, refresh: () => void): Promise<HTMLElement> => {
  const id = route.path[1] ?? '';
  const task = await loadTask(id);
  if (!task) return h('section', {}, h('h1', { tabindex: '-1' }, t('notFound')));
  const [boards, units, officials, lights] = await Promise.all([
    loadTaskBoards(task),
    allUnits(),
    allOfficials().catch(() => []),
    loadSubTaskLights(task).catch(() => new Map()),
  ]);
  const unitOptions = units.map((unit) => ({ value: unit.id, label: unit.name ?? unit.id }));
  return h(
    'article',
    { class: 'task', 'data-ready': 'task', 'data-task': task.id },
    h('h1', { tabindex: '-1' }, task.title),
    task.description ? h('p', {}, task.description) : null,
    parentTaskLine(task),
    facts(task, lightBadge(boards.light), officials),
    sourceBlock(task),
    forms(task, boards, unitOptions, units, refresh),
    task.drafts.length > 0 ? draftTable(task, officials, refresh) : null,
    subTaskTable(task, lights),
    milestoneTimeline(task, boards, refresh),
    extensionTable(task, officials, refresh),
    indicatorTable(task),
    blockageTable(task, boards, units, refresh),
    noticeTable(task, refresh),
    urgeTable(task, refresh, officials),
    missedReportTable(task),
    instructionList(task, officials),
    ...lifecycleRecords(task, officials),
    bonusTable(task),
    lightChangeTable(task),
    replyTable(task),
    ...evaluationTables(task),
    historyTimeline(task, officials),
  );
};
