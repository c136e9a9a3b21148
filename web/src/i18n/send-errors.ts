import type { namesZh } from './names.ts';

/** A channel's failure in words the console has: a message and its parameters. */
export interface SendErrorMessage {
  key: keyof typeof namesZh;
  params: Record<string, string>;
}

const systemCodes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'];

/**
 * Why a channel refused a notification, as the sender recorded it (the
 * channel's own English: `connect ECONNREFUSED 127.0.0.1:25`, `HTTP 500: …`,
 * `DingTalk refused: errcode 310000 …`), as a message of the console's; the
 * system's error code and address stay, for whoever mends the channel. Any
 * other failure is shown as recorded, marked as a failure.
 */
export const sendErrorMessage = (error: string): SendErrorMessage => {
  const system = new RegExp(`\\b(${systemCodes.join('|')})\\b\\s*(\\S*)`).exec(error);
  if (system) {
    const [, code = '', address = ''] = system;
    const detail = address ? `${code} ${address}` : code;
    return { key: `sendError_${code}` as SendErrorMessage['key'], params: { detail } };
  }
  const http = /^HTTP (\d{3}): ?(.*)$/s.exec(error);
  if (http) return { key: 'sendErrorHttp', params: { status: http[1] ?? '', body: http[2] ?? '' } };
  const refused = /^(DingTalk|WeCom) refused: errcode (\S+) ?(.*)$/s.exec(error);
  if (refused) {
    const [, vendor = '', code = '', message = ''] = refused;
    const key = vendor === 'DingTalk' ? 'sendErrorDingTalk' : 'sendErrorWeCom';
    return { key, params: { code, message } };
  }
  return { key: 'sendErrorOther', params: { message: error } };
};
