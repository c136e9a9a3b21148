import type { AuditEvent } from './audit-events.ts';
import type { CalendarEvent } from './calendar-events.ts';
import type { NotificationEvent } from './notification-events.ts';
import type { OfficialEvent } from './official-events.ts';
import type { RulesetEvent } from './ruleset-events.ts';
import type { ScoringEvent } from './scoring-events.ts';
import type { TaskEvent } from './task-events.ts';
import type { UnitEvent } from './unit-events.ts';

export type {
  AuditAlarm,
  AuditEvent,
  AuditEventType,
  SigningKeyRotation,
  TreeHead,
  TreeHeadCosignature,
} from './audit-events.ts';
export { auditEventTypes } from './audit-events.ts';
export type { CalendarEvent, CalendarEventType, PublishedCalendar } from './calendar-events.ts';
export { calendarEventTypes } from './calendar-events.ts';
export type {
  NotificationChannel,
  NotificationEvent,
  NotificationEventType,
} from './notification-events.ts';
export { notificationChannels, notificationEventTypes } from './notification-events.ts';
export type {
  OfficialContacts,
  OfficialEvent,
  OfficialEventType,
  Post,
} from './official-events.ts';
export { officialEventTypes, posts } from './official-events.ts';
export type {
  EscalationRules,
  LightRules,
  MatterLimit,
  MatterRules,
  Ruleset,
  RulesetEvent,
  RulesetEventType,
  ScoringRules,
} from './ruleset-events.ts';
export {
  bonusDefaults,
  matterDefaults,
  matterLimitOf,
  matterRulesOf,
  rulesetEventTypes,
} from './ruleset-events.ts';
export type { ClosedPeriod, ScoringEvent, ScoringEventType } from './scoring-events.ts';
export { scoringEventTypes } from './scoring-events.ts';
export type { TaskEvent, TaskEventType } from './task-events.ts';
export { taskEventTypes } from './task-events.ts';
export type { UnitCategory, UnitEvent } from './unit-events.ts';
export {
  defaultUnitCategory,
  isRanked,
  unitCategories,
  unitEventTypes,
} from './unit-events.ts';

/** Every domain event the system stores. */
export type DomainEvent =
  | TaskEvent
  | UnitEvent
  | OfficialEvent
  | RulesetEvent
  | CalendarEvent
  | ScoringEvent
  | AuditEvent
  | NotificationEvent;
export type DomainEventType = DomainEvent['type'];

/**
 * Current schema version of each event type; bumped only with an upcaster in
 * `contracts/events/upcast.ts` that turns every older stored version into it.
 */
const schemaVersions: Partial<Record<DomainEventType, number>> = {
  // v2 adds `evidence` (佐证材料) to progress reports.
  MilestoneProgressReported: 2,
  // v2 adds the business day of the acceptance (办结), `acceptedOn`.
  TaskCompletionAccepted: 2,
  // v2 adds the bounds of bonus points (加分) to the scoring rules.
  RulesetPublished: 2,
};

export const eventSchemaVersion = (type: DomainEventType): number => schemaVersions[type] ?? 1;
