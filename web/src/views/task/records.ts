import { h } from '../../core/dom.ts';
import { dateTime, label, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can, currentUser, scope } from '../../core/session.ts';
import { printNoticeButton } from '../../export/notice-sheet.ts';
import { partDoneForm, resolveForm } from '../../forms/blockage-forms.ts';
import { escalateForm } from '../../forms/leader-forms.ts';
import { answerForm } from '../../forms/unit-forms.ts';
import { chainText } from '../boards/blockage.ts';
import { targetText } from '../indicator-target.ts';
import type { UnitName } from '../lookups.ts';
import { actorName } from './actor-name.ts';
import { markIfAssumed } from './assumed.ts';
import type { TaskBoards, TaskPage } from './query.ts';
import { noticeChain } from './time-limits.ts';

type IndicatorRow = TaskPage['indicators'][number];

/** The target, each of its terms the plan assumed marked 「假定」. */
const targetCell = (row: IndicatorRow) =>
  h(
    'span',
    {},
    targetText(row),
    markIfAssumed(row.assumed, 'TARGET', t('target')),
    markIfAssumed(row.assumed, 'COMPARISON', t('wbComparison')),
    markIfAssumed(row.assumed, 'UNIT_OF_MEASURE', t('wbUnitOfMeasure')),
    markIfAssumed(row.assumed, 'TOLERANCE', t('tolerance')),
  );

/** Indicators (实效): target, baseline, latest values and due date, assumed terms marked. */
export const indicatorTable = (task: TaskPage) =>
  table(
    t('indicators'),
    [
      {
        label: t('indicator'),
        cell: (row) => h('span', {}, row.name, markIfAssumed(row.assumed, 'NAME', t('indicator'))),
      },
      { label: t('target'), cell: targetCell },
      {
        label: t('wbBaseline'),
        cell: (row) =>
          h(
            'span',
            {},
            row.baseline === null ? '—' : `${row.baseline} ${row.unitOfMeasure}`,
            markIfAssumed(row.assumed, 'BASELINE', t('wbBaseline')),
          ),
      },
      {
        label: t('selfReported'),
        cell: (row) =>
          row.latestSelfReported
            ? `${row.latestSelfReported.value}（${row.latestSelfReported.asOf}）`
            : '—',
      },
      {
        label: t('measured'),
        cell: (row) =>
          row.latestMeasured ? `${row.latestMeasured.value}（${row.latestMeasured.asOf}）` : '—',
      },
      {
        label: t('dueDate'),
        cell: (row) =>
          h('span', {}, row.dueDate, markIfAssumed(row.assumed, 'DUE_DATE', t('dueDate'))),
      },
    ],
    task.indicators,
  );

/** Blockages with whom they wait on, the whole waiting chain, and escalation from here. */
export const blockageTable = (
  task: TaskPage,
  boards: TaskBoards,
  units: UnitName[],
  refresh: () => void,
) =>
  table(
    t('blockages'),
    [
      { label: t('description'), cell: (row) => row.description },
      { label: t('status'), cell: blockageStatus },
      { label: t('waitingOn'), cell: (row) => row.waitingOnUnit?.name ?? '—' },
      {
        label: t('chain'),
        cell: (row) => {
          const chain = boards.chains.find((entry) => entry.blockageId === row.id);
          return chain
            ? `${chainText(chain.chain, units)}${chain.inCycle ? ` ${t('cycle')}` : ''}`
            : '—';
        },
      },
      {
        label: t('level'),
        cell: (row) =>
          label('level', ['NONE', 'RESPONSIBLE_LEADER', 'MAIN_LEADER'][row.escalationLevel]),
      },
      {
        label: t('actions'),
        cell: (row) =>
          row.status === 'OPEN' ? h('div', {}, blockageActions(task.id, row, refresh)) : '—',
      },
    ],
    task.blockages,
  );

type BlockageRow = TaskPage['blockages'][number];

/** Open or resolved, and whether the unit waited on has said its part is done. */
const blockageStatus = (row: BlockageRow) =>
  row.status !== 'OPEN'
    ? h(
        'div',
        {},
        t('resolved'),
        row.resolution ? h('p', { class: 'note', 'data-resolution': '' }, row.resolution) : null,
      )
    : row.partDone
      ? h(
          'div',
          { 'data-part-done': row.partDone.unit.id },
          t('partDoneAwaiting'),
          h(
            'p',
            { class: 'note' },
            `${row.partDone.unit.name ?? row.partDone.unit.id}：${row.partDone.note}`,
          ),
        )
      : t('open');

/**
 * What the user may do about an open blockage: the unit held up (which reported
 * it), a leader or the office resolves it; the unit waited on declares its part
 * done; a leader escalates it.
 */
const blockageActions = (taskId: string, row: BlockageRow, refresh: () => void) => {
  const me = currentUser();
  const reporter = me?.unitId != null && me.unitId === row.reportedByUnit?.id;
  const waitedOn = me?.unitId != null && me.unitId === row.waitingOnUnit?.id && !reporter;
  return [
    scope('resolveBlockage') === 'all' || (can('resolveBlockage') && reporter)
      ? resolveForm(taskId, row.id, refresh)
      : null,
    waitedOn && can('declareBlockagePartDone') ? partDoneForm(taskId, row.id, refresh) : null,
    can('escalateBlockage') ? escalateForm(taskId, row.id, row.escalationLevel, refresh) : null,
  ];
};

/** Notices; the addressed unit answers an open one from here, and anyone prints one as a slip. */
export const noticeTable = (task: TaskPage, refresh: () => void) => {
  const me = currentUser();
  return table(
    t('notices'),
    [
      { label: t('level'), cell: (row) => label('notice', row.level) },
      { label: t('unit'), cell: (row) => row.toUnit.name ?? row.toUnit.id },
      {
        label: t('description'),
        cell: (row) => h('div', {}, h('strong', {}, row.subject), h('p', {}, row.body)),
      },
      { label: t('replyDue'), cell: (row) => h('div', {}, row.replyDueDate, noticeChain(row)) },
      {
        label: t('answer'),
        cell: (row) =>
          row.answered
            ? row.answer
            : can('answerSupervisionNotice') && me?.unitId === row.toUnit.id
              ? answerForm(task.id, row.id, refresh)
              : t('unanswered'),
      },
      { label: t('actions'), cell: (row) => printNoticeButton(task.id, row.id) },
    ],
    task.notices,
  );
};

export const instructionList = (task: TaskPage, officials: readonly UnitName[] = []) =>
  table(
    t('instructions'),
    [
      { label: t('recordedAt'), cell: (row) => dateTime(row.issuedAt) },
      {
        label: t('actor'),
        cell: (row) => actorName({ id: row.issuedBy, name: null }, officials, task.history.events),
      },
      { label: t('instruction'), cell: (row) => row.text },
    ],
    task.instructions,
  );
