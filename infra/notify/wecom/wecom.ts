import { robotOf } from '../dingtalk/dingtalk.ts';
import {
  checkErrcode,
  type NotificationPort,
  type OutgoingNotification,
  postJson,
} from '../port.ts';

export interface WecomOptions {
  /** https://qyapi.weixin.qq.com by default; a test receiver otherwise. */
  baseUrl: string;
  /** Each unit's group robot key; `*` is the robot of units without their own. */
  keys: Readonly<Record<string, string>>;
}

/**
 * The group robot's text message, @-mentioning the person by mobile:
 * `{ msgtype: 'text', text: { content, mentioned_mobile_list } }` POSTed to
 * /cgi-bin/webhook/send?key=…; content at most 2048 bytes; errcode 0 is success.
 * Documented at https://developer.work.weixin.qq.com/document/path/91770
 */
export const wecomBody = (message: OutgoingNotification) => ({
  msgtype: 'text',
  text: {
    content: truncateBytes(`${message.subject}\n${message.text}\n（通知编号 ${message.id}）`, 2048),
    mentioned_mobile_list: [message.address],
  },
});

/** The longest prefix of `text` within `bytes` UTF-8 bytes, never cutting a character. */
export const truncateBytes = (text: string, bytes: number): string => {
  if (Buffer.byteLength(text, 'utf8') <= bytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
};

export const createWecomPort = (options: WecomOptions): NotificationPort => ({
  async send(message) {
    const key = robotOf(options.keys, message.unitId, 'WeCom');
    const url = new URL('/cgi-bin/webhook/send', options.baseUrl);
    url.searchParams.set('key', key);
    checkErrcode('WeCom', await postJson(url.toString(), wecomBody(message)));
  },
});
