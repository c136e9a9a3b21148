import './export.css';
import { gql } from '../core/api.ts';
import { h, uid } from '../core/dom.ts';
import { lang, type MessageKey, t } from '../core/i18n.ts';
import { errorText } from '../core/messages.ts';
import { noticeSheetQuery } from '../operations/export.ts';

interface Notice {
  id: string;
  level: 'BLUE' | 'YELLOW' | 'RED';
  toUnit: { id: string; name: string | null };
  subject: string;
  body: string;
  replyDueDate: string;
  issuedAt: string;
}

/** A day as an official document writes it, in China: `2021年6月30日`. */
const officialDate = (day: string): string =>
  new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
    new Date(day.length === 10 ? `${day}T12:00:00+08:00` : day),
  );

const field = (label: MessageKey, value: string, name: string) => [
  h('dt', {}, t(label)),
  h('dd', { 'data-field': name }, value),
];

/** The notice laid out as the office's slip: colour and number, addressee, matter, reply-by day, issuer. */
const sheet = (notice: Notice, taskTitle: string, titleId: string) => {
  const level = notice.level.toLowerCase();
  return h(
    'article',
    { class: 'notice-paper', 'data-level': level },
    h(
      'header',
      { class: 'notice-head' },
      h(
        'h1',
        { id: titleId },
        t('noticeSheetTitle'),
        h(
          'span',
          { class: 'notice-level', 'data-field': 'level' },
          `（${t('noticeLevelTag', { level: t(`noticeLevelWord_${level}` as MessageKey) })}）`,
        ),
      ),
      h(
        'p',
        { class: 'notice-number' },
        `${t('noticeNumber')}：`,
        h('span', { 'data-field': 'id' }, notice.id),
      ),
    ),
    h(
      'dl',
      { class: 'notice-fields' },
      field('noticeTo', notice.toUnit.name ?? notice.toUnit.id, 'toUnit'),
      field('noticeTask', taskTitle, 'task'),
      field('noticeSubject', notice.subject, 'subject'),
      field('noticeBody', notice.body, 'body'),
      field('noticeReplyDue', officialDate(notice.replyDueDate), 'replyDueDate'),
    ),
    h(
      'p',
      { class: 'notice-reply' },
      t('noticeReplyBy', { date: officialDate(notice.replyDueDate) }),
    ),
    h(
      'footer',
      { class: 'notice-sign' },
      h('p', {}, `${t('noticeIssuer')}：`, h('span', { 'data-field': 'issuer' }, t('role_office'))),
      h(
        'p',
        {},
        `${t('noticeIssuedOn')}：`,
        h('span', { 'data-field': 'issuedAt' }, officialDate(notice.issuedAt)),
      ),
    ),
  );
};

/**
 * The print view of a notice: a modal sheet over the page, which `print.css`
 * prints alone. Closing it returns the focus to the button that opened it.
 */
const openSheet = (notice: Notice, taskTitle: string, opener: HTMLElement) => {
  const titleId = uid('notice-title');
  const dialog = h(
    'dialog',
    { class: 'notice-sheet', 'aria-labelledby': titleId, 'data-notice': notice.id },
    sheet(notice, taskTitle, titleId),
    h(
      'div',
      { class: 'notice-actions' },
      h('button', { type: 'button', onclick: () => window.print() }, t('print')),
      h('button', { type: 'button', onclick: () => dialog.close() }, t('noticeClose')),
    ),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
};

/** "打印督办单" for one notice of a task: fetches it with its issue day and opens its print view. */
export const printNoticeButton = (taskId: string, noticeId: string): HTMLElement => {
  const status = h('span', { class: 'export-status error', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'print-notice',
      'data-action': 'print-notice',
      'data-notice': noticeId,
      onclick: async () => {
        status.textContent = '';
        try {
          const { task } = await gql<{ task: { title: string; notices: Notice[] } | null }>(
            noticeSheetQuery,
            { id: taskId },
          );
          const notice = task?.notices.find((entry) => entry.id === noticeId);
          if (!task || !notice) status.textContent = t('noticeNotFound');
          else openSheet(notice, task.title, button);
        } catch (error) {
          status.textContent = `${t('errorPrefix')}${errorText(error)}`;
        }
      },
    },
    t('printNotice'),
  );
  return h('span', {}, button, status);
};
