import type { StoredEvent } from '../../infra/event-store/port.ts';
import { dayOf } from '../dates.ts';
import type { DomainEvent, DomainEventType } from './index.ts';
import { eventSchemaVersion } from './index.ts';
import { bonusDefaults } from './ruleset-events.ts';

type Data = Record<string, unknown>;

/** The business day a stored event speaks of: its metadata's, else the day (UTC+8) it was recorded. */
const businessDayOf = (stored: StoredEvent): string =>
  stored.metadata.businessDate ?? dayOf(stored.recordedAt);

/**
 * Upcasters, one per (type, stored version): each turns that version's data into
 * the next version's, reading the stored event's metadata where the fact's day
 * was only kept there. Stored events are never rewritten; they are read as the
 * current shape.
 */
const upcasters: Record<string, (data: Data, stored: StoredEvent) => Data> = {
  // v1 progress reports carried no evidence.
  'MilestoneProgressReported@1': (data) => ({ ...data, evidence: [] }),
  // v1 acceptances were recorded on the day the office accepted: that day is theirs.
  'TaskCompletionAccepted@1': (data, stored) => ({ ...data, acceptedOn: businessDayOf(stored) }),
  // v1 rulesets had no bonus points (加分): they read the defaults.
  'RulesetPublished@1': (data) => ({
    ...data,
    scoring: { ...bonusDefaults, ...(data.scoring as Data) },
  }),
};

/** A stored event as the domain sees it: upcast to its type's current version. */
export const toDomainEvent = <E extends DomainEvent = DomainEvent>(stored: StoredEvent): E => {
  const current = eventSchemaVersion(stored.type as DomainEventType);
  let data = stored.data as Data;
  for (let version = stored.version; version < current; version++) {
    const upcast = upcasters[`${stored.type}@${version}`];
    if (!upcast) throw new Error(`${stored.type} v${version} at ${stored.position}: no upcaster`);
    data = upcast(data, stored);
  }
  if (stored.version > current) {
    throw new Error(
      `${stored.type} v${stored.version} at ${stored.position}: newer than this code (v${current})`,
    );
  }
  return { type: stored.type, data } as E;
};
