import type { ExpectedRevision } from '../port.ts';
import type { StreamState } from './kurrent-log.ts';

/**
 * The port's expected revision as KurrentDB's stream state: `no_stream` and `any`
 * keep their meaning, a revision becomes the BigInt KurrentDB counts in (both
 * count a stream's events from 0).
 */
export function streamStateOf(expected: ExpectedRevision): StreamState {
  if (expected === 'no_stream' || expected === 'any') return expected;
  return BigInt(expected);
}

/**
 * The actual revision a KurrentDB conflict reports, as the port counts it: -1
 * for a stream that does not exist (KurrentDB says `no_stream`, or a negative
 * number for deleted ones), the revision otherwise.
 */
export function actualRevisionOf(actual: unknown): number {
  if (typeof actual === 'bigint') return actual < 0n ? -1 : Number(actual);
  if (typeof actual === 'number' && Number.isSafeInteger(actual)) return actual < 0 ? -1 : actual;
  return -1;
}
