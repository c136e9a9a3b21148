import type { NotificationChannel } from '../../contracts/events/index.ts';
import type { NotifySettings } from '../../infra/config/notify-config.ts';
import { createDingtalkPort } from '../../infra/notify/dingtalk/dingtalk.ts';
import type { NotificationPort } from '../../infra/notify/port.ts';
import { createSmsPort } from '../../infra/notify/sms/sms.ts';
import { createSmtpPort } from '../../infra/notify/smtp/smtp.ts';
import { createWecomPort } from '../../infra/notify/wecom/wecom.ts';

/** The channels the configuration turns on; the others are absent. */
export const channelsOf = (
  settings: Readonly<NotifySettings>,
): Partial<Record<NotificationChannel, NotificationPort>> => ({
  ...(settings.smtp ? { email: createSmtpPort(settings.smtp) } : {}),
  ...(settings.sms ? { sms: createSmsPort(settings.sms) } : {}),
  ...(settings.dingtalk ? { dingtalk: createDingtalkPort(settings.dingtalk) } : {}),
  ...(settings.wecom
    ? { wecom: createWecomPort({ baseUrl: settings.wecom.baseUrl, keys: settings.wecom.keys }) }
    : {}),
});
