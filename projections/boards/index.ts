import type { Projection } from '../projection.ts';
import { type StoredDocument, stored } from '../stored.ts';
import { boardBlockageProjection } from './blockages/projection.ts';
import { boardIndicatorProjection } from './indicators/projection.ts';
import { boardMilestoneProjection } from './milestones/projection.ts';
import { boardOfficialProjection } from './officials/projection.ts';
import { boardTaskProjection } from './task-progress/projection.ts';

export type { BoardBlockage, EscalationEntry } from './blockages/document.ts';
export type { BoardIndicator, IndicatorValue } from './indicators/document.ts';
export type { BoardMilestone, ExtensionEntry } from './milestones/document.ts';
export type { BoardOfficial } from './officials/document.ts';
export type {
  AccountabilityEntry,
  BoardTask,
  LeadMove,
  ProgressReport,
  ProgressShare,
  TaskCompletion,
  TaskLifecycle,
  UrgeEntry,
} from './task-progress/document.ts';
export {
  boardBlockageProjection,
  boardIndicatorProjection,
  boardMilestoneProjection,
  boardOfficialProjection,
  boardTaskProjection,
};

/** The read models the five boards (钉钉子) and the overview are built from. */
export const boardProjections: readonly Projection<StoredDocument>[] = [
  stored(boardTaskProjection),
  stored(boardMilestoneProjection),
  stored(boardBlockageProjection),
  stored(boardIndicatorProjection),
  stored(boardOfficialProjection),
];
