import type { Projection } from '../projection.ts';
import { boardBlockageProjection } from './blockages/projection.ts';
import { boardIndicatorProjection } from './indicators/projection.ts';
import { boardMilestoneProjection } from './milestones/projection.ts';
import { boardOfficialProjection } from './officials/projection.ts';
import { boardTaskProjection } from './task-progress/projection.ts';

export type { BoardBlockage, EscalationEntry } from './blockages/projection.ts';
export type { BoardIndicator, IndicatorValue } from './indicators/projection.ts';
export type { BoardMilestone, ExtensionEntry } from './milestones/projection.ts';
export type { BoardOfficial } from './officials/projection.ts';
export type {
  AccountabilityEntry,
  BoardTask,
  LeadMove,
  ProgressReport,
  ProgressShare,
  TaskCompletion,
  TaskLifecycle,
} from './task-progress/projection.ts';
export {
  boardBlockageProjection,
  boardIndicatorProjection,
  boardMilestoneProjection,
  boardOfficialProjection,
  boardTaskProjection,
};

type Stored = { position: number } & Record<string, unknown>;

/**
 * Widens a projection for a list of them. Sound because a projection is only
 * handed documents of its own collection, which only it writes.
 */
const stored = <D extends { position: number }>(projection: Projection<D>): Projection<Stored> =>
  projection as unknown as Projection<Stored>;

/** The read models the five boards (钉钉子) and the overview are built from. */
export const boardProjections: readonly Projection<Stored>[] = [
  stored(boardTaskProjection),
  stored(boardMilestoneProjection),
  stored(boardBlockageProjection),
  stored(boardIndicatorProjection),
  stored(boardOfficialProjection),
];
