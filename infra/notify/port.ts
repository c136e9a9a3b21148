/** One message to one person, as a channel sends it. */
export interface OutgoingNotification {
  /** The notification id: sent along (Message-ID, payload field) so a receiver can drop a repeat. */
  id: string;
  /** E-mail address, or mobile number (SMS, and the robots' @-mention). */
  address: string;
  /** The unit whose group robot carries it (钉钉, 企业微信). */
  unitId: string | null;
  subject: string;
  text: string;
  urgent: boolean;
}

/**
 * A notification channel: `send` resolves once the channel accepted the message
 * and throws (with a message fit for the office to read) when it did not. A
 * channel never retries by itself: the sender does, with backoff.
 */
export interface NotificationPort {
  send(message: OutgoingNotification): Promise<void>;
  close?(): Promise<void>;
}

/** How long one HTTP call to a robot or gateway may take before it counts as failed. */
export const httpTimeoutMs = 10_000;

/** Posts JSON and returns the parsed answer; a non-2xx status is a failure naming it. */
export const postJson = async (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(httpTimeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** A robot's answer `{ errcode, errmsg }`: a 200 with errcode ≠ 0 is a refusal. */
export const checkErrcode = (vendor: string, answer: unknown): void => {
  const { errcode, errmsg } = (answer ?? {}) as { errcode?: unknown; errmsg?: unknown };
  if (errcode !== 0)
    throw new Error(`${vendor} refused: errcode ${String(errcode)} ${String(errmsg ?? '')}`);
};
