import { h } from '../../core/dom.ts';
import { dateTime } from '../../core/format.ts';
import { type MessageKey, t } from '../../core/i18n.ts';
import type { TaskPage } from './query.ts';

/** Every event of the task, newest first: who, what, when, and whether a signed head covers it. */
export const historyTimeline = (task: TaskPage) =>
  h(
    'section',
    { 'data-testid': 'history' },
    h('h2', {}, t('history')),
    h('p', { class: 'help' }, t('historyHelp')),
    h(
      'ol',
      { class: 'history', reversed: true },
      [...task.history]
        .reverse()
        .map((event) =>
          h(
            'li',
            { 'data-position': event.position },
            h('time', { datetime: event.recordedAt }, dateTime(event.recordedAt)),
            ' ',
            h('code', {}, event.type),
            ' · ',
            `${event.actor.name ?? event.actor.id}（${t(`role_${event.actor.role}` as MessageKey)}）`,
            ' · ',
            h(
              'span',
              { class: event.coveredBySignedHead ? 'covered' : 'uncovered' },
              event.coveredBySignedHead ? t('covered') : t('notCovered'),
            ),
          ),
        ),
    ),
  );
