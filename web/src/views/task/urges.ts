import { h } from '../../core/dom.ts';
import { label, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can, currentUser } from '../../core/session.ts';
import { actionForm, folded } from '../../forms/form.ts';
import { mutate } from '../../forms/mutate.ts';
import type { UnitName } from '../lookups.ts';
import { actorName } from './actor-name.ts';
import type { TaskPage } from './query.ts';

type Urge = TaskPage['urges'][number];

/** 答复催办: the urged unit's head answers once; the answer stops the clock's escalation. */
const answerUrgeForm = (taskId: string, urgeId: string, done: () => void) =>
  folded(
    'answerUrge',
    actionForm({
      title: 'answerUrge',
      fields: [{ name: 'answer', label: 'urgeAnswer', kind: 'textarea' }],
      submit: (values) => mutate('answerUrge', { taskId, urgeId, answer: values.answer }),
      done,
    }),
  );

const reply = (taskId: string, urge: Urge, refresh: () => void) => {
  if (urge.answer !== null)
    return h('div', {}, `${t('urgeAnswered')} ${urge.answeredOn ?? ''}`, h('p', {}, urge.answer));
  const mine = currentUser()?.unitId === urge.unit.id;
  return h(
    'div',
    {},
    urge.overdueOn ? h('p', { class: 'overdue' }, `${t('urgeOverdue')} ${urge.overdueOn}`) : null,
    urge.escalatedTo ? h('p', {}, `${t('noticeEscalatedTo')}：${urge.escalatedTo}`) : null,
    mine && can('answerUrge') ? answerUrgeForm(taskId, urge.urgeId, refresh) : null,
  );
};

/** 催办 of the office or the clock, oldest first: to which unit, why, by when, and the reply. */
export const urgeTable = (
  task: TaskPage,
  refresh: () => void = () => {},
  officials: readonly UnitName[] = [],
) =>
  table(
    t('urges'),
    [
      { label: t('urgedOn'), cell: (row) => row.urgedOn },
      { label: t('unit'), cell: (row) => row.unit.name ?? row.unit.id },
      {
        label: t('urgeMessage'),
        cell: (row) =>
          h(
            'div',
            {},
            row.cause ? h('strong', {}, label('urgeCause', row.cause)) : null,
            h('p', {}, row.message),
          ),
      },
      { label: t('replyDue'), cell: (row) => row.replyBy ?? '—' },
      {
        label: t('actor'),
        cell: (row) => actorName({ id: row.by, name: null }, officials, task.history.events),
      },
      { label: t('urgeAnswer'), cell: (row) => reply(task.id, row, refresh) },
    ],
    task.urges,
  );
