import { h } from '../../core/dom.ts';
import { dateTime, label } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { errorText } from '../../core/messages.ts';
import { historyPageSize } from '../../operations/tasks.ts';
import type { UnitName } from '../lookups.ts';
import { actorName } from './actor-name.ts';
import { type HistoryEntry, type HistoryPage, loadEarlierHistory, type TaskPage } from './query.ts';

const entry = (officials: readonly UnitName[]) => (event: HistoryEntry) =>
  h(
    'li',
    { 'data-position': event.position },
    h('time', { datetime: event.recordedAt }, dateTime(event.recordedAt)),
    ' ',
    h('span', { 'data-type': event.type, title: event.type }, label('event', event.type)),
    ' · ',
    `${actorName(event.actor, officials)}（${label('role', event.actor.role)}）`,
    event.proxySource
      ? h(
          'span',
          { class: 'proxy', 'data-proxy': '' },
          ` · ${t('proxyRecorded', { source: event.proxySource })}`,
        )
      : null,
    ' · ',
    h(
      'span',
      { class: event.coveredBySignedHead ? 'covered' : 'uncovered' },
      event.coveredBySignedHead ? t('covered') : t('notCovered'),
    ),
  );

/** The page's events, newest first. */
const entries = (page: HistoryPage, officials: readonly UnitName[]) =>
  [...page.events].reverse().map(entry(officials));

/**
 * The task's events, newest first: who, what, when, and whether a signed head
 * covers it. The newest page comes with the task; earlier ones on request, a
 * page at a time, so a task with years of reports opens as fast as a new one.
 */
export const historyTimeline = (task: TaskPage, officials: readonly UnitName[] = []) => {
  const list = h('ol', { class: 'history', reversed: true }, entries(task.history, officials));
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
      list.append(...entries(page, officials));
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
