import { createHmac } from 'node:crypto';

/**
 * A signed robot URL's `sign` (加签): base64 of HMAC-SHA256 keyed by the secret
 * over `${timestamp}\n${secret}`, then URL-encoded; timestamp in milliseconds,
 * within an hour of the robot's clock. Documented at
 * https://open.dingtalk.com/document/robots/customize-robot-security-settings
 */
export const dingtalkSign = (timestamp: number, secret: string): string =>
  encodeURIComponent(
    createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64'),
  );
