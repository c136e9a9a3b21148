import { type NotificationPort, postJson } from '../port.ts';

export interface SmsGatewayOptions {
  /** The gateway's endpoint (NOTIFY_SMS_URL). */
  url: string;
  /** Sent as `Authorization: Bearer …` (NOTIFY_SMS_TOKEN). */
  token: string;
}

/**
 * SMS through the deployment's HTTP gateway (短信平台 of the government cloud, or a
 * vendor's relay in front of it): POST `{ id, to, text }` with a bearer token;
 * any 2xx is accepted. The id lets the gateway drop a repeat.
 */
export const createSmsPort = (options: SmsGatewayOptions): NotificationPort => ({
  async send(message) {
    await postJson(
      options.url,
      { id: message.id, to: message.address, text: `${message.subject}：${message.text}` },
      { authorization: `Bearer ${options.token}` },
    );
  },
});
