import { h } from '../../core/dom.ts';
import { dateTime, label } from '../../core/format.ts';
import { type MessageKey, t } from '../../core/i18n.ts';
import { errorText } from '../../core/messages.ts';
import {
  type HistoryEntry,
  type HistoryPage,
  historyPageSize,
  loadEarlierHistory,
  type TaskPage,
} from './query.ts';

const entry = (event: HistoryEntry) =>
  h(
    'li',
    { 'data-position': event.position },
    h('time', { datetime: event.recordedAt }, dateTime(event.recordedAt)),
    ' ',
    h('span', { 'data-type': event.type, title: event.type }, label('event', event.type)),
    ' · ',
    `${event.actor.name ?? event.actor.id}（${t(`role_${event.actor.role}` as MessageKey)}）`,
    ' · ',
    h(
      'span',
      { class: event.coveredBySignedHead ? 'covered' : 'uncovered' },
      event.coveredBySignedHead ? t('covered') : t('notCovered'),
    ),
  );

/** The page's events, newest first. */
const entries = (page: HistoryPage) => [...page.events].reverse().map(entry);

/**
 * The task's events, newest first: who, what, when, and whether a signed head
 * covers it. The newest page comes with the task; earlier ones on request, a
 * page at a time, so a task with years of reports opens as fast as a new one.
 */
export const historyTimeline = (task: TaskPage) => {
  const list = h('ol', { class: 'history', reversed: true }, entries(task.history));
  const more = h('button', { type: 'button' });
  const failure = h('p', { class: 'form-status error', role: 'alert', hidden: true });
  let earlier = task.history.earlier;
  const update = () => {
    more.hidden = earlier === null;
    more.disabled = false;
    more.textContent = t('historyEarlier', { count: historyPageSize });
  };
  more.addEventListener('click', async () => {
    if (earlier === null) return;
    more.disabled = true;
    more.textContent = t('historyLoading');
    failure.hidden = true;
    try {
      const page = await loadEarlierHistory(task.id, earlier);
      list.append(...entries(page));
      earlier = page.earlier;
    } catch (error) {
      failure.textContent = `${t('errorPrefix')}${errorText(error)}`;
      failure.hidden = false;
    } finally {
      update();
    }
  });
  update();
  return h(
    'section',
    { 'data-testid': 'history' },
    h('h2', {}, t('history')),
    h('p', { class: 'help' }, t('historyHelp')),
    list,
    more,
    failure,
  );
};
