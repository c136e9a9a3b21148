import type {
  DomainEvent,
  NotificationEvent,
  OfficialEvent,
  TaskEvent,
  UnitEvent,
} from './index.ts';
import {
  notificationEventTypes,
  officialEventTypes,
  taskEventTypes,
  unitEventTypes,
} from './index.ts';

const taskTypes: ReadonlySet<string> = new Set(taskEventTypes);
const unitTypes: ReadonlySet<string> = new Set(unitEventTypes);
const officialTypes: ReadonlySet<string> = new Set(officialEventTypes);
const notificationTypes: ReadonlySet<string> = new Set(notificationEventTypes);

/**
 * Narrow an event to its aggregate's family, so a view's exhaustive switch covers
 * the events of the aggregate it reads and no others: a new kind of event of
 * another aggregate does not touch it; a new task event must be decided on.
 */
export const isTaskEvent = (event: DomainEvent): event is TaskEvent => taskTypes.has(event.type);
export const isUnitEvent = (event: DomainEvent): event is UnitEvent => unitTypes.has(event.type);
export const isOfficialEvent = (event: DomainEvent): event is OfficialEvent =>
  officialTypes.has(event.type);
export const isNotificationEvent = (event: DomainEvent): event is NotificationEvent =>
  notificationTypes.has(event.type);
