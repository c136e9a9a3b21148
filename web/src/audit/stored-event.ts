import { canonicalJson } from './canonical-json.ts';
import { leafHash, toHex } from './hashes.ts';
import type { AuditEvent, LoggedEvent } from './types.ts';

/** The event's fields as stored, the ones its leaf hash covers (see `event-leaf.ts`). */
export interface StoredEvent extends LoggedEvent {
  metadata: Record<string, unknown>;
}

/** The logged event's own fields, without whatever else a form of it carries. */
const loggedFields = (event: LoggedEvent): LoggedEvent => {
  const { position, streamId, revision, id, type, version, data, recordedAt } = event;
  return { position, streamId, revision, id, type, version, data, recordedAt };
};

/**
 * The actor as stored: members the token did not carry are absent, not null;
 * the role spelled as the log spells it (`department_head`), not as the API's
 * enum (`DEPARTMENT_HEAD`).
 */
const storedActor = (actor: AuditEvent['actor']) => ({
  id: actor.id,
  role: actor.role.toLowerCase(),
  ...(actor.unitId !== null ? { unitId: actor.unitId } : {}),
  ...(actor.name !== null ? { name: actor.name } : {}),
});

/**
 * The stored forms the history entry may stand for. The history shows the business
 * date whether the metadata holds one or it is the day of recording, so both are
 * tried: the leaf hash tells which the log holds.
 */
export const storedCandidates = (event: AuditEvent): StoredEvent[] => {
  const metadata = {
    actor: storedActor(event.actor),
    correlationId: event.correlationId ?? undefined,
    causationId: event.causationId ?? undefined,
    idempotencyKey: event.idempotencyKey ?? undefined,
    recordedAt: event.recordedAt,
  };
  const base = loggedFields(event);
  // The stored metadata, when the server sends it, is the one the leaf covers.
  if (event.metadata) return [{ ...base, metadata: event.metadata }];
  return [
    { ...base, metadata },
    { ...base, metadata: { ...metadata, businessDate: event.businessDate } },
  ];
};

/** RFC 6962 leaf of an event: SHA-256(0x00 ‖ UTF-8 of its canonical JSON), hex. */
export const leafOf = async (event: StoredEvent): Promise<string> => {
  const fields = { ...loggedFields(event), metadata: event.metadata };
  return toHex(await leafHash(new TextEncoder().encode(canonicalJson(fields))));
};

/** The stored form whose content hashes to the event's recorded leaf, or null if none does. */
export const matchingStoredEvent = async (event: AuditEvent): Promise<StoredEvent | null> => {
  for (const candidate of storedCandidates(event)) {
    if ((await leafOf(candidate)) === event.leafHash) return candidate;
  }
  return null;
};
