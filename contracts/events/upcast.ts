import type { StoredEvent } from '../../infra/event-store/port.ts';
import type { DomainEvent, DomainEventType } from './index.ts';
import { eventSchemaVersion } from './index.ts';

type Data = Record<string, unknown>;

/**
 * Upcasters, one per (type, stored version): each turns that version's data into
 * the next version's. Stored events are never rewritten; they are read as the
 * current shape.
 */
const upcasters: Record<string, (data: Data) => Data> = {
  // v1 progress reports carried no evidence.
  'MilestoneProgressReported@1': (data) => ({ ...data, evidence: [] }),
};

/** A stored event as the domain sees it: upcast to its type's current version. */
export const toDomainEvent = <E extends DomainEvent = DomainEvent>(stored: StoredEvent): E => {
  const current = eventSchemaVersion(stored.type as DomainEventType);
  let data = stored.data as Data;
  for (let version = stored.version; version < current; version++) {
    const upcast = upcasters[`${stored.type}@${version}`];
    if (!upcast) throw new Error(`${stored.type} v${version} at ${stored.position}: no upcaster`);
    data = upcast(data);
  }
  if (stored.version > current) {
    throw new Error(
      `${stored.type} v${stored.version} at ${stored.position}: newer than this code (v${current})`,
    );
  }
  return { type: stored.type, data } as E;
};
