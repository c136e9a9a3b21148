import { type KeyObject, sign, verify } from 'node:crypto';
import type { EventMetadata } from '../../contracts/metadata.ts';
import { canonicalJson } from '../merkle/canonical-json.ts';

/** A writer's signature on one event, kept in its metadata. */
export interface WriterSignature {
  /** First 16 hex characters of SHA-256 of the writer's raw Ed25519 public key. */
  keyId: string;
  /** Ed25519 over the event's written bytes, base64url. */
  signature: string;
}

/** What a writer signs of an event: everything stored but its position and the signature itself. */
export interface WrittenEvent {
  streamId: string;
  id: string;
  type: string;
  version: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
}

/** Domain separation: a writer's signature is never valid as any other signature. */
const context = 'dubanju written event v1\n';

/** The bytes a writer signs: the event canonicalised (RFC 8785), its signature left out. */
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

/** The signature of `event` by the writer's key. */
export const signWritten = (
  event: WrittenEvent,
  key: { keyId: string; privateKey: KeyObject },
): WriterSignature => ({
  keyId: key.keyId,
  signature: sign(null, writtenBytes(event), key.privateKey).toString('base64url'),
});

/** Why an event's writer signature does not hold, or null when it does (or it has none: `unsigned`). */
export const writerProblem = (
  event: WrittenEvent,
  trusted: ReadonlyMap<string, KeyObject>,
): 'unsigned' | string | null => {
  const writer = event.metadata.writer;
  if (writer === undefined) return 'unsigned';
  const key = trusted.get(writer.keyId);
  if (!key) return `signed by writer key ${writer.keyId}, which this deployment does not trust`;
  const signature = Buffer.from(String(writer.signature), 'base64url');
  return verify(null, writtenBytes(event), key, signature)
    ? null
    : 'its writer signature does not verify: it was altered or forged';
};
