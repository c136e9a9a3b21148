import type { StoredEvent } from '../../infra/event-store/port.ts';
import { canonicalJson } from './canonical-json.ts';
import { leafHash } from './hashes.ts';

/**
 * The canonical bytes of a stored event, the data of its Merkle leaf: UTF-8 of the
 * RFC 8785 form of every stored field. Built field by field, so anything else an
 * adapter might attach to the object never enters the hash.
 */
export const eventLeafBytes = (event: StoredEvent): Buffer => {
  const { position, streamId, revision, id, type, version, data, metadata, recordedAt } = event;
  const fields = { position, streamId, revision, id, type, version, data, metadata, recordedAt };
  return Buffer.from(canonicalJson(fields), 'utf8');
};

/** The event's RFC 6962 leaf hash: SHA-256(0x00 ‖ eventLeafBytes(event)). */
export const eventLeafHash = (event: StoredEvent): Buffer => leafHash(eventLeafBytes(event));
