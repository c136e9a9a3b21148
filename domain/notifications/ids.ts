import { createHash } from 'node:crypto';

/**
 * A notification's id: a uuid (version 5 layout, SHA-1) of the fact's event id,
 * the official and the channel, so deriving again from the same fact (a follower
 * restarted, the queue rebuilt) names the same notifications, and a receiver can
 * drop a repeat by it.
 */
export const notificationId = (sourceEventId: string, officialId: string, channel: string) => {
  const hash = createHash('sha1')
    .update(`notification:${sourceEventId}|${officialId}|${channel}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
