import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import type { BoardTask } from '../../../projections/boards/index.ts';
import type { BoardView } from './board-view.ts';
import { boardKindOf } from './task-kind.ts';

/** The columns naming the task a row (a milestone, an indicator) belongs to. */
export interface TaskColumns {
  taskId: string;
  taskTitle: string;
  section: string | null;
  /** The annual plan's task, or a matter's source. */
  kind: TaskKind;
  leadUnitId: string | null;
  leadUnitName: string | null;
  /** The task's responsible leader (分管领导) as assigned; null when none. */
  responsibleLeader: string | null;
}

/** The task's columns of a row, its lead unit named. */
export const taskColumns = (task: BoardTask, view: BoardView): TaskColumns => ({
  taskId: task.id,
  taskTitle: task.title,
  section: task.section,
  kind: boardKindOf(task),
  leadUnitId: task.leadUnitId,
  leadUnitName: view.unitName(task.leadUnitId),
  responsibleLeader: task.responsibleLeader,
});
