import { h } from '../../core/dom.ts';
import { table } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import { markIfAssumed } from './assumed.ts';
import type { TaskPage } from './query.ts';

/** 事项来源: the matter's kind, 文号, issuer, the day issued and the original text. */
export const sourceBlock = (task: TaskPage) => {
  const { source } = task;
  if (!source) return null;
  return h(
    'section',
    { class: 'matter-source', 'data-kind': task.kind },
    h('h2', {}, t('matterSource'), ...markIfAssumed(task.assumed, 'SOURCE', t('matterSource'))),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('taskKind')),
      h('dd', {}, tOf('taskKind', source.kind)),
      h('dt', {}, t('documentNumber')),
      h('dd', {}, source.documentNumber ?? '—'),
      h('dt', {}, t('issuer')),
      h('dd', {}, source.issuer),
      h('dt', {}, t('issuedOn')),
      h('dd', {}, h('span', { class: 'date' }, source.issuedOn)),
      ...(source.channel
        ? [h('dt', {}, t('clueChannel')), h('dd', {}, tOf('clueChannel', source.channel))]
        : []),
      h('dt', {}, t('originalText')),
      h('dd', {}, h('blockquote', {}, source.originalText)),
    ),
    awaitsReply(task)
      ? h('p', { class: 'note', 'data-awaits-reply': '' }, t('awaitingReply'))
      : null,
  );
};

/** Kinds whose source is answered before completion is reported. */
const answeredKinds = ['LEADER_INSTRUCTION', 'DEPUTY_SUGGESTION', 'CPPCC_PROPOSAL', 'PUBLIC_CLUE'];

/**
 * Whether the source still waits for an answer: every 重新办理 follows an
 * answer, so one answer more than redos is the answer of the current round.
 */
export const awaitsReply = (task: TaskPage): boolean =>
  answeredKinds.includes(task.kind) && task.replies.length === task.redos.length;

/** 办理答复, oldest first. */
export const replyTable = (task: TaskPage) =>
  task.kind === 'ANNUAL_PLAN'
    ? null
    : table(
        t('sourceReplies'),
        [
          { label: t('repliedOn'), cell: (row) => row.repliedOn },
          { label: t('unit'), cell: (row) => row.unit.name ?? row.unit.id },
          { label: t('replyNumber'), cell: (row) => row.documentNumber ?? '—' },
          { label: t('replyText'), cell: (row) => row.text },
        ],
        task.replies,
      );

/** The proposer's ratings, and each 重新办理 with its new due date. */
export const evaluationTables = (task: TaskPage) =>
  task.evaluations.length === 0
    ? []
    : [
        table(
          t('evaluations'),
          [
            { label: t('recordedOn'), cell: (row) => row.recordedOn },
            {
              label: t('proposerRating'),
              cell: (row) =>
                h('span', { 'data-rating': row.rating }, tOf('proposerRating', row.rating)),
            },
            { label: t('proposerComment'), cell: (row) => row.comment },
          ],
          task.evaluations,
        ),
        table(
          t('redos'),
          [
            { label: t('recordedOn'), cell: (row) => row.reopenedOn },
            { label: t('previousDueDate'), cell: (row) => row.previousDueDate },
            { label: t('redoDueDate'), cell: (row) => row.dueDate },
          ],
          task.redos,
        ),
      ];
