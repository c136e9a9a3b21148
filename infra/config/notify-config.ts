import { parseQuietHours, type QuietHours } from '../../domain/notifications/quiet-hours.ts';
import type { DingtalkRobot } from '../notify/dingtalk/dingtalk.ts';

type Env = Record<string, string | undefined>;

/**
 * Where notifications go out, read once at start. Every address and secret here
 * is configuration, never in the log: robot tokens and secrets, the SMTP
 * password, the SMS gateway's token. A channel left unset is off; its
 * notifications wait, visible to the office, until it is set.
 */
export interface NotifySettings {
  smtp: { url: string; from: string } | null;
  dingtalk: { baseUrl: string; robots: Readonly<Record<string, DingtalkRobot>> } | null;
  wecom: { baseUrl: string; keys: Readonly<Record<string, string>> } | null;
  sms: { url: string; token: string } | null;
  /** Non-urgent notifications wait through these hours (China time); null: none. */
  quietHours: QuietHours | null;
  /** Milliseconds between two looks for due notifications. */
  senderIntervalMs: number;
  /** Notifications sent at once. */
  senderConcurrency: number;
  /** Backoff of retries: the first delay's ceiling and the longest (full jitter below them). */
  retry: { baseMs: number; capMs: number };
}

/** A wrong notification setting: start-up stops, naming the variable. */
export class NotifyConfigError extends Error {
  override name = 'ConfigError';
}

const httpUrl = (env: Env, name: string, fallback: string | null): string | null => {
  const raw = env[name] || fallback;
  if (raw === null) return null;
  if (!/^https?:\/\/[^\s]+$/.test(raw)) {
    throw new NotifyConfigError(`${name}: must be an http:// or https:// URL`);
  }
  return raw;
};

const jsonObject = (env: Env, name: string): Record<string, unknown> | null => {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new NotifyConfigError(`${name}: must be a JSON object (unit id or * → robot)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new NotifyConfigError(`${name}: must be a JSON object (unit id or * → robot)`);
  }
  return parsed as Record<string, unknown>;
};

/** NOTIFY_DINGTALK_ROBOTS: `{"<unit id>|*": {"accessToken": "…", "secret": "SEC…"}}`. */
const dingtalkRobots = (env: Env): Record<string, DingtalkRobot> | null => {
  const raw = jsonObject(env, 'NOTIFY_DINGTALK_ROBOTS');
  if (raw === null) return null;
  const robots: Record<string, DingtalkRobot> = {};
  for (const [unitId, value] of Object.entries(raw)) {
    const { accessToken, secret } = (value ?? {}) as { accessToken?: unknown; secret?: unknown };
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new NotifyConfigError(
        `NOTIFY_DINGTALK_ROBOTS: ${unitId}: accessToken must be a string`,
      );
    }
    if (secret !== undefined && secret !== null && typeof secret !== 'string') {
      throw new NotifyConfigError(`NOTIFY_DINGTALK_ROBOTS: ${unitId}: secret must be a string`);
    }
    robots[unitId] = { accessToken, secret: secret || null };
  }
  return robots;
};

/** NOTIFY_WECOM_ROBOTS: `{"<unit id>|*": "<webhook key>"}`. */
const wecomKeys = (env: Env): Record<string, string> | null => {
  const raw = jsonObject(env, 'NOTIFY_WECOM_ROBOTS');
  if (raw === null) return null;
  for (const [unitId, key] of Object.entries(raw)) {
    if (typeof key !== 'string' || key === '') {
      throw new NotifyConfigError(`NOTIFY_WECOM_ROBOTS: ${unitId}: the key must be a string`);
    }
  }
  return raw as Record<string, string>;
};

const bounded = (env: Env, name: string, fallback: number, min: number, max: number) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new NotifyConfigError(`${name}=${raw}: must be an integer between ${min} and ${max}`);
  }
  return value;
};

export const notifySettings = (env: Env): Readonly<NotifySettings> => {
  const smtpUrl = env.NOTIFY_SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new NotifyConfigError(
      'NOTIFY_SMTP_URL: must be smtp://[user:pass@]host[:port] or smtps://…',
    );
  }
  const robots = dingtalkRobots(env);
  const keys = wecomKeys(env);
  const smsUrl = httpUrl(env, 'NOTIFY_SMS_URL', null);
  if (smsUrl !== null && !env.NOTIFY_SMS_TOKEN) {
    throw new NotifyConfigError('NOTIFY_SMS_TOKEN: must be set with NOTIFY_SMS_URL');
  }
  const quietRaw = env.NOTIFY_QUIET_HOURS ?? '22:00-07:30';
  const quietHours = quietRaw === '' || quietRaw === 'none' ? null : parseQuietHours(quietRaw);
  if (quietHours === null && quietRaw !== '' && quietRaw !== 'none') {
    throw new NotifyConfigError(
      `NOTIFY_QUIET_HOURS=${quietRaw}: must be HH:MM-HH:MM (China time), or none`,
    );
  }
  return Object.freeze({
    smtp: smtpUrl ? { url: smtpUrl, from: env.NOTIFY_SMTP_FROM || 'duban@localhost' } : null,
    dingtalk: robots
      ? { baseUrl: httpUrl(env, 'NOTIFY_DINGTALK_BASE_URL', 'https://oapi.dingtalk.com')!, robots }
      : null,
    wecom: keys
      ? { baseUrl: httpUrl(env, 'NOTIFY_WECOM_BASE_URL', 'https://qyapi.weixin.qq.com')!, keys }
      : null,
    sms: smsUrl ? { url: smsUrl, token: env.NOTIFY_SMS_TOKEN! } : null,
    quietHours,
    senderIntervalMs: bounded(env, 'NOTIFY_SENDER_INTERVAL_MS', 1000, 10, 600_000),
    senderConcurrency: bounded(env, 'NOTIFY_SENDER_CONCURRENCY', 8, 1, 256),
    retry: {
      baseMs: bounded(env, 'NOTIFY_RETRY_BASE_MS', 1000, 1, 3_600_000),
      capMs: bounded(env, 'NOTIFY_RETRY_CAP_MS', 600_000, 1, 86_400_000),
    },
  });
};
