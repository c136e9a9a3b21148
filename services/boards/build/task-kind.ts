import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import type { BoardTask } from '../../../projections/boards/index.ts';

/** The task's kind; a document projected before matters is the plan's. */
export const boardKindOf = (task: BoardTask): TaskKind => task.kind ?? 'annual_plan';
