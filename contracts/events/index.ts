import type { TaskEvent } from './task-events.ts';
import type { UnitEvent } from './unit-events.ts';

export type { TaskEvent, TaskEventType } from './task-events.ts';
export { taskEventTypes } from './task-events.ts';
export type { UnitEvent } from './unit-events.ts';
export { unitEventTypes } from './unit-events.ts';

/** Every domain event the system stores. */
export type DomainEvent = TaskEvent | UnitEvent;
export type DomainEventType = DomainEvent['type'];

/** Current schema version of each event type; bumped only with an upcaster. */
export const eventSchemaVersion = (_type: DomainEventType): number => 1;
