import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EventMetadata } from '../../contracts/metadata.ts';
import { canonicalJson } from '../merkle/canonical-json.ts';

/** The writer's MAC on one event, kept in its metadata. */
export interface WriterMac {
  /** First 16 hex characters of SHA-256 of the write key: which key, not the key. */
  keyId: string;
  /** HMAC-SHA-256 of the event's written bytes, base64url. */
  mac: string;
}

/** A write key: a secret the writing nodes and the audit hold, and no database. */
export interface WriteKey {
  keyId: string;
  secret: Buffer;
}

/** What a writer authenticates of an event: everything stored but its position and the MAC itself. */
export interface WrittenEvent {
  streamId: string;
  id: string;
  type: string;
  version: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
}

/** Domain separation: a write MAC is never valid for anything else. */
const context = 'dubanju written event v1\n';

/** The bytes a writer authenticates: the event canonicalised (RFC 8785), its MAC left out. */
export const writtenBytes = (event: WrittenEvent): Buffer => {
  const { writer: _left, ...metadata } = event.metadata;
  return Buffer.from(
    context +
      canonicalJson({
        streamId: event.streamId,
        id: event.id,
        type: event.type,
        version: event.version,
        data: event.data,
        metadata,
        recordedAt: event.recordedAt,
      }),
  );
};

const macOf = (event: WrittenEvent, secret: Buffer): Buffer =>
  createHmac('sha256', secret).update(writtenBytes(event)).digest();

/** The MAC of `event` under the write key. */
export const macWritten = (event: WrittenEvent, key: WriteKey): WriterMac => ({
  keyId: key.keyId,
  mac: macOf(event, key.secret).toString('base64url'),
});

/** Why an event's MAC does not hold, or null when it does (`unsigned` when it has none). */
export const writerProblem = (
  event: WrittenEvent,
  keys: ReadonlyMap<string, WriteKey>,
): 'unsigned' | string | null => {
  const writer = event.metadata.writer;
  if (writer === undefined) return 'unsigned';
  const key = keys.get(String(writer.keyId));
  if (!key)
    return `authenticated with write key ${writer.keyId}, which this deployment does not hold`;
  const given = Buffer.from(String(writer.mac), 'base64url');
  const expected = macOf(event, key.secret);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? null
    : 'its write MAC does not verify: it was altered or forged';
};
