import { boardProjections } from './boards/index.ts';
import { clockAgendaProjection } from './clock-agenda/projection.ts';
import type { Projection } from './projection.ts';
import { taskDetailProjection } from './task-detail/projection.ts';
import { taskListProjection } from './task-list/projection.ts';
import { unitListProjection } from './unit-list/projection.ts';

/** Any read-model document, as the projector loads it from the store. */
export type StoredDocument = { position: number } & Record<string, unknown>;

/**
 * Widens a projection for the projector's list. Sound because the projector
 * only hands a projection documents from its own collection, which only that
 * projection writes.
 */
const stored = <D extends { position: number }>(
  projection: Projection<D>,
): Projection<StoredDocument> => projection as unknown as Projection<StoredDocument>;

/** Every read model the projector keeps up to date. */
export const allProjections: readonly Projection<StoredDocument>[] = [
  stored(taskDetailProjection),
  stored(taskListProjection),
  stored(unitListProjection),
  ...boardProjections,
  stored(clockAgendaProjection),
];
