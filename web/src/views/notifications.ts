import { announceAfterRender } from '../core/announce.ts';
import { gql } from '../core/api.ts';
import { h, replace, uid } from '../core/dom.ts';
import { type Column, dateTime, label, table } from '../core/format.ts';
import { lang, t } from '../core/i18n.ts';
import { errorText } from '../core/messages.ts';
import { hrefOf, type Route, submitToAddress } from '../core/route.ts';
import { can } from '../core/session.ts';
import { mutate } from '../forms/mutate.ts';
import { sendErrorMessage } from '../i18n/send-errors.ts';
import { notificationsQuery } from '../operations/notifications.ts';
import { allUnits, unitName } from './lookups.ts';

interface NotificationRow {
  id: string;
  sourceType: string;
  recordedAt: string;
  officialName: string;
  unitId: string | null;
  channel: string;
  address: string | null;
  unroutable: string | null;
  subject: string;
  urgent: boolean;
  status: 'PENDING' | 'FAILED' | 'DELIVERED';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

const statuses = ['FAILED', 'PENDING', 'DELIVERED'] as const;

/** A channel's failure as the sender recorded it, in Chinese when its shape is known. */
const sendErrorText = (error: string): string => {
  if (lang() === 'en') return error;
  const message = sendErrorMessage(error);
  return t(message.key, message.params);
};

/** The status shown by default: what needs the office's eye. */
const defaultStatus = 'FAILED';

const statusFilter = (selected: string) => {
  const id = uid('nt-status');
  return h(
    'form',
    { class: 'filters', onsubmit: submitToAddress('notifications') },
    h('label', { for: id }, t('ntStatus')),
    h(
      'select',
      { id, name: 'status' },
      h('option', { value: 'ALL', selected: selected === 'ALL' }, t('ntAll')),
      statuses.map((status) =>
        h('option', { value: status, selected: status === selected }, label('ntStatus', status)),
      ),
    ),
    h('button', { type: 'submit' }, t('apply')),
  );
};

/**
 * 重新发送: due at once; the page is drawn again once the office's request is
 * recorded, the confirmation at its top.
 */
const retryButton = (row: NotificationRow, status: HTMLElement, refresh: () => void) => {
  const button: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      'data-notification': row.id,
      'aria-label': `${t('ntRetry')}：${row.officialName} ${row.subject}`,
      onclick: async () => {
        button.disabled = true;
        try {
          await mutate('retryNotification', { notificationId: row.id });
          // Said once the page is drawn again: a note in this page would go with it.
          announceAfterRender(t('ntRetried'));
          refresh();
        } catch (error) {
          button.disabled = false;
          replace(status, `${t('errorPrefix')}${errorText(error)}`);
        }
      },
    },
    t('ntRetry'),
  );
  return button;
};

/**
 * 通知: the notifications the facts sent, failed ones first, each with its
 * recipient, channel, problem and next attempt, and a retry for those not
 * delivered. The office alone sees it.
 */
export const notificationsView = async (
  route: Route,
  refresh: () => void,
): Promise<HTMLElement> => {
  const selected = route.params.get('status') ?? defaultStatus;
  const after = route.params.get('after');
  const [data, units] = await Promise.all([
    gql<{
      notifications: { totalCount: number; endCursor: string | null; nodes: NotificationRow[] };
    }>(notificationsQuery, { status: selected === 'ALL' ? null : selected, after }),
    allUnits(),
  ]);
  const status = h('p', { class: 'form-status', role: 'status' });
  const columns: Column<NotificationRow>[] = [
    { label: t('recordedAt'), cell: (row) => dateTime(row.recordedAt) },
    {
      label: t('ntRecipient'),
      cell: (row) => [row.officialName, row.unitId ? `（${unitName(units, row.unitId)}）` : ''],
    },
    { label: t('ntChannel'), cell: (row) => label('ntChannel', row.channel) },
    {
      label: t('ntSubject'),
      cell: (row) => [row.urgent ? h('strong', {}, `${t('ntUrgent')} `) : null, row.subject],
    },
    { label: t('ntStatus'), cell: (row) => label('ntStatus', row.status) },
    { label: t('ntAttempts'), cell: (row) => row.attempts, numeric: true },
    {
      label: t('ntProblem'),
      cell: (row) => row.unroutable ?? (row.lastError === null ? '' : sendErrorText(row.lastError)),
    },
    {
      label: t('ntNextAttempt'),
      cell: (row) =>
        row.status === 'DELIVERED' ? dateTime(row.deliveredAt) : dateTime(row.nextAttemptAt),
    },
    {
      label: t('actions'),
      cell: (row) =>
        row.status !== 'DELIVERED' && can('retryNotification')
          ? retryButton(row, status, refresh)
          : null,
    },
  ];
  const page = data.notifications;
  return h(
    'section',
    { 'data-testid': 'notifications' },
    h('h1', { tabindex: '-1' }, t('ntTitle')),
    h('p', { class: 'help' }, t('ntHelp')),
    statusFilter(selected),
    status,
    table(`${t('ntTitle')}（${t('pageOf', { total: page.totalCount })}）`, columns, page.nodes),
    page.endCursor
      ? h(
          'a',
          { href: hrefOf('notifications', { status: selected, after: page.endCursor }) },
          t('ntMore'),
        )
      : null,
  );
};
