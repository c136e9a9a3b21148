import { boardProjections } from './boards/index.ts';
import { clockAgendaProjection } from './clock-agenda/projection.ts';
import type { Projection } from './projection.ts';
import { type StoredDocument, stored } from './stored.ts';
import { taskDetailProjection } from './task-detail/projection.ts';
import { taskListProjection } from './task-list/projection.ts';
import { unitListProjection } from './unit-list/projection.ts';

export type { StoredDocument } from './stored.ts';

/** Every read model the projector keeps up to date. */
export const allProjections: readonly Projection<StoredDocument>[] = [
  stored(taskDetailProjection),
  stored(taskListProjection),
  stored(unitListProjection),
  ...boardProjections,
  stored(clockAgendaProjection),
];
