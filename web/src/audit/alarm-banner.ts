import { gql } from '../core/api.ts';
import { h } from '../core/dom.ts';
import { t } from '../core/i18n.ts';
import { auditAlarmQuery } from '../operations/audit.ts';

interface AuditStatus {
  signingStopped: { position: number; what: string } | null;
}

/**
 * The red banner the console shows to everyone signed in while the server has
 * found its own stored log altered (and signs no head): the position, and what
 * was found there. Null while nothing is wrong.
 */
export const auditAlarmBanner = async (): Promise<HTMLElement | null> => {
  const { auditStatus } = await gql<{ auditStatus: AuditStatus }>(auditAlarmQuery);
  const stopped = auditStatus.signingStopped;
  if (!stopped) return null;
  return h(
    'div',
    { class: 'audit-alarm', role: 'alert', 'data-testid': 'audit-alarm' },
    h('strong', {}, t('auditAlarmTitle')),
    ' ',
    t('auditAlarm', { position: stopped.position, what: stopped.what }),
  );
};
