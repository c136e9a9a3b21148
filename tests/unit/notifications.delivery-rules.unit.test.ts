import { failureRecorded, retryDelayMs } from '../../domain/notifications/backoff.ts';
import { isQuiet, parseQuietHours } from '../../domain/notifications/quiet-hours.ts';
import { dingtalkBody } from '../../infra/notify/dingtalk/dingtalk.ts';
import { dingtalkSign } from '../../infra/notify/dingtalk/sign.ts';
import { truncateBytes, wecomBody } from '../../infra/notify/wecom/wecom.ts';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('retries with exponential backoff and full jitter', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [6, 32_000],
    [7, 60_000],
    [50, 60_000],
  ])('after %i failures waits less than %i ms, and nothing at the low end', (attempts, ceiling) => {
    expect(retryDelayMs(attempts, 0, policy)).toBe(0);
    expect(retryDelayMs(attempts, 0.999_999, policy)).toBe(ceiling - 1);
    expect(retryDelayMs(attempts, 0.5, policy)).toBe(ceiling / 2);
  });

  it('spreads the delays of notifications failing together', () => {
    const delays = Array.from({ length: 100 }, (_, i) => retryDelayMs(5, i / 100, policy));
    expect(new Set(delays).size).toBe(100);
    expect(Math.max(...delays)).toBeLessThan(16_000);
  });

  it('records the first failure and every fifth, not each', () => {
    const recorded = Array.from({ length: 20 }, (_, i) => i + 1).filter((n) =>
      failureRecorded(n, 5),
    );
    expect(recorded).toEqual([1, 5, 10, 15, 20]);
  });
});

describe('quiet hours, China time', () => {
  const night = parseQuietHours('22:00-07:30');

  it.each([
    ['2021-03-01T13:59:00Z', false], // 21:59
    ['2021-03-01T14:00:00Z', true], // 22:00
    ['2021-03-01T18:00:00Z', true], // 02:00
    ['2021-03-01T23:29:00Z', true], // 07:29
    ['2021-03-01T23:30:00Z', false], // 07:30
    ['2021-03-02T04:00:00Z', false], // 12:00
  ])('at %s quiet: %s', (now, quiet) => {
    expect(isQuiet(now, night)).toBe(quiet);
  });

  it('within a day, and none', () => {
    expect(isQuiet('2021-03-01T05:00:00Z', parseQuietHours('12:00-14:00'))).toBe(true);
    expect(isQuiet('2021-03-01T07:00:00Z', parseQuietHours('12:00-14:00'))).toBe(false);
    expect(isQuiet('2021-03-01T18:00:00Z', null)).toBe(false);
  });

  it.each(['22:00', '24:00-07:00', '22:00-07:30-08:00', '7:30-22:00', '08:00-08:00'])(
    'refuses %s',
    (text) => {
      expect(parseQuietHours(text)).toBeNull();
    },
  );
});

const message = {
  id: 'n-1',
  address: '13800001111',
  unitId: 'edu',
  subject: '【催办】老旧小区改造',
  text: '请报送进展',
  urgent: false,
};

describe('the robots’ formats', () => {
  it('signs a DingTalk URL as its documentation computes it', () => {
    // The documentation's recipe (HMAC-SHA256 of "timestamp\nsecret" keyed by the secret,
    // base64, URL-encoded), computed once with its Python sample (hmac, base64, quote_plus).
    expect(dingtalkSign(1_614_564_000_000, 'SECtest')).toBe(
      '%2BsVAJWbSGU6rQe7bVrgykAG%2BmnQWbDqa2MCmmh279jc%3D',
    );
    expect(dingtalkSign(1_614_564_000_000, 'SECtest')).toMatch(/^[A-Za-z0-9%]+$/);
  });

  it('sends DingTalk a text message that @-mentions the person by mobile and names the id', () => {
    const body = dingtalkBody(message);
    expect(body).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('n-1') },
      at: { atMobiles: ['13800001111'], isAtAll: false },
    });
    expect(body.text.content).toContain('@13800001111');
  });

  it('sends WeCom a text message with mentioned_mobile_list, within 2048 bytes', () => {
    const body = wecomBody({ ...message, text: '长'.repeat(1000) });
    expect(body.msgtype).toBe('text');
    expect(body.text.mentioned_mobile_list).toEqual(['13800001111']);
    expect(Buffer.byteLength(body.text.content, 'utf8')).toBeLessThanOrEqual(2048);
    expect(truncateBytes('督办abc', 7)).toBe('督办a');
  });
});
