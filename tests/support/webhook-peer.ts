import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message a receiver accepted: the vendor, the notification id it carries, the body. */
export interface ReceivedHook {
  vendor: 'dingtalk' | 'wecom' | 'sms';
  notificationId: string | null;
  path: string;
  body: Record<string, unknown>;
}

export interface WebhookPeerOptions {
  dingtalkSecrets: Record<string, string>;
  wecomKeys: string[];
  smsToken: string;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const idInText = (text: unknown): string | null =>
  typeof text === 'string' ? (/通知编号 ([0-9a-f-]{36})/.exec(text)?.[1] ?? null) : null;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Local stand-ins for the DingTalk and WeCom robot endpoints and an SMS gateway:
 * each checks the vendor's documented format (and DingTalk's signature, within
 * its hour), answers as the vendor does (`errcode` 0, or a refusal with a 200),
 * and keeps what it accepted. `down()` makes the robots refuse (errcode ≠ 0)
 * and the gateway answer 503, as services away for a while do.
 */
export const startWebhookPeer = async (options: WebhookPeerOptions) => {
  const received: ReceivedHook[] = [];
  const refusals: string[] = [];
  let down = false;

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const refuse = (response: ServerResponse, why: string) => {
    refusals.push(why);
    answer(response, 200, { errcode: 40_000, errmsg: why });
  };

  const dingtalk = (url: URL, body: Record<string, unknown>, response: ServerResponse) => {
    const token = url.searchParams.get('access_token') ?? '';
    const secret = options.dingtalkSecrets[token];
    const timestamp = Number(url.searchParams.get('timestamp'));
    const sign = url.searchParams.get('sign');
    if (secret === undefined) return refuse(response, `unknown access_token ${token}`);
    const expected = createHmac('sha256', secret)
      .update(`${timestamp}\n${secret}`)
      .digest('base64');
    // searchParams decodes the URL-encoding once: what is left is the base64 signature.
    if (sign !== expected) return refuse(response, 'sign not match');
    if (Math.abs(Date.now() - timestamp) > 3_600_000) return refuse(response, 'timestamp too old');
    const text = body.text as { content?: unknown } | undefined;
    const at = body.at as { atMobiles?: unknown } | undefined;
    if (
      body.msgtype !== 'text' ||
      typeof text?.content !== 'string' ||
      !isStringList(at?.atMobiles)
    ) {
      return refuse(response, 'not a text message with at.atMobiles');
    }
    if (down) return answer(response, 200, { errcode: 130_101, errmsg: 'send too fast' });
    received.push({
      vendor: 'dingtalk',
      notificationId: idInText(text.content),
      path: token,
      body,
    });
    return answer(response, 200, { errcode: 0, errmsg: 'ok' });
  };

  const wecom = (url: URL, body: Record<string, unknown>, response: ServerResponse) => {
    const key = url.searchParams.get('key') ?? '';
    if (!options.wecomKeys.includes(key)) return refuse(response, `invalid webhook url ${key}`);
    const text = body.text as { content?: unknown; mentioned_mobile_list?: unknown } | undefined;
    if (
      body.msgtype !== 'text' ||
      typeof text?.content !== 'string' ||
      Buffer.byteLength(text.content, 'utf8') > 2048 ||
      !isStringList(text.mentioned_mobile_list)
    ) {
      return refuse(response, 'not a text message with mentioned_mobile_list');
    }
    if (down) return answer(response, 200, { errcode: 45_009, errmsg: 'api freq out of limit' });
    received.push({ vendor: 'wecom', notificationId: idInText(text.content), path: key, body });
    return answer(response, 200, { errcode: 0, errmsg: 'ok' });
  };

  const sms = (
    request: IncomingMessage,
    body: Record<string, unknown>,
    response: ServerResponse,
  ) => {
    if (request.headers.authorization !== `Bearer ${options.smsToken}`) {
      return answer(response, 401, { error: 'unauthorised' });
    }
    if (
      typeof body.id !== 'string' ||
      typeof body.to !== 'string' ||
      typeof body.text !== 'string'
    ) {
      return answer(response, 400, { error: 'id, to and text are required' });
    }
    if (down) return answer(response, 503, { error: 'unavailable' });
    received.push({ vendor: 'sms', notificationId: body.id, path: body.to, body });
    return answer(response, 200, { ok: true });
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://peer');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    } catch {
      return answer(response, 400, { error: 'not JSON' });
    }
    if (request.method !== 'POST') return answer(response, 405, {});
    if (url.pathname === '/robot/send') return dingtalk(url, body, response);
    if (url.pathname === '/cgi-bin/webhook/send') return wecom(url, body, response);
    if (url.pathname === '/sms') return sms(request, body, response);
    return answer(response, 404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    received,
    refusals,
    base,
    down: () => {
      down = true;
    },
    up: () => {
      down = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type WebhookPeer = Awaited<ReturnType<typeof startWebhookPeer>>;
