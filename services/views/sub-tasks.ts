import { maxUnitDepth } from '../../contracts/events/unit-events.ts';
import { rolledUpProgress } from '../../domain/judgement/roll-up.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import type { TaskListItem } from '../../projections/task-list/projection.ts';

/** What a list row's roll-up reads: its own shares and its sub-tasks. */
type Rolling = Pick<TaskListItem, 'id' | 'milestoneShares' | 'subTasks' | 'terminated'>;

/**
 * The rows below `rows` (their sub-tasks, theirs, …), read level by level by
 * id, at most as many levels as the unit tree has: one `getMany` per level.
 */
const descendantsOf = async (
  readModels: ReadModelStore,
  rows: readonly Rolling[],
): Promise<Map<string, TaskListItem>> => {
  const found = new Map<string, TaskListItem>();
  let frontier = rows.flatMap((row) => (row.subTasks ?? []).map((share) => share.taskId));
  for (let depth = 0; frontier.length > 0 && depth < maxUnitDepth; depth++) {
    const level = await readModels.getMany<TaskListItem>('task_list', [...new Set(frontier)]);
    for (const [id, row] of level) found.set(id, row);
    frontier = [...level.values()].flatMap((row) =>
      (row.subTasks ?? []).map((share) => share.taskId).filter((id) => !found.has(id)),
    );
  }
  return found;
};

/** Where a sub-task stands, as its parent's page lists it. */
export type SubTaskProgress = { progress: number; row: TaskListItem | null };

/**
 * The progress of each of `rows` with its sub-tasks rolled up into it
 * (`rolledUpProgress`: a sub-task weighs as a milestone of the split's
 * weight; a terminated one counts for nothing), and the rows read below them.
 */
export const rolledUpProgresses = async (readModels: ReadModelStore, rows: readonly Rolling[]) => {
  const below = await descendantsOf(readModels, rows);
  const memo = new Map<string, number>();
  const progressOf = (row: Rolling, depth: number): number => {
    const known = memo.get(row.id);
    if (known !== undefined) return known;
    const subTasks = depth > maxUnitDepth ? [] : (row.subTasks ?? []);
    const standings = subTasks.flatMap((share) => {
      const child = below.get(share.taskId);
      return child && !child.terminated
        ? [{ weight: share.weight, actual: progressOf(child, depth + 1) }]
        : [];
    });
    const progress = rolledUpProgress(row.milestoneShares, standings);
    memo.set(row.id, progress);
    return progress;
  };
  return {
    progressOf: (row: Rolling): number => progressOf(row, 0),
    subTask: (id: string): SubTaskProgress => {
      const row = below.get(id) ?? null;
      return { progress: row ? progressOf(row, 1) : 0, row };
    },
  };
};

/** A task page's part of the tree of tasks: its parent, its sub-tasks and its rolled-up progress. */
export type TaskTreePart = {
  parentTask: { id: string; title: string } | null;
  subTasks: {
    taskId: string;
    title: string;
    unitId: string;
    weight: number;
    dueDate: string;
    splitAt: string;
    splitBy: string;
    progress: number;
    status: TaskListItem['status'] | null;
  }[];
  rolledUpProgress: number;
};

/**
 * What the task page shows of the tree of tasks (分解交办): the task it was
 * split from, each sub-task with its progress (its own sub-tasks rolled up) and
 * status, and its own progress with them rolled up. One read of its row and its
 * parent's, one per level below.
 */
export const taskTreePart = async (
  readModels: ReadModelStore,
  task: { id: string; progress: number; parentTaskId?: string; subTasks?: SubTaskDetailLike[] },
): Promise<TaskTreePart> => {
  const ids = [task.id, ...(task.parentTaskId ? [task.parentTaskId] : [])];
  const rows = await readModels.getMany<TaskListItem>('task_list', ids);
  const own = rows.get(task.id);
  const parent = task.parentTaskId ? rows.get(task.parentTaskId) : undefined;
  const rolled = own ? await rolledUpProgresses(readModels, [own]) : null;
  return {
    parentTask: task.parentTaskId
      ? { id: task.parentTaskId, title: parent?.title ?? task.parentTaskId }
      : null,
    subTasks: (task.subTasks ?? []).map((subTask) => {
      const standing = rolled?.subTask(subTask.subTaskId) ?? { progress: 0, row: null };
      return {
        taskId: subTask.subTaskId,
        title: subTask.title,
        unitId: subTask.unitId,
        weight: subTask.weight,
        dueDate: subTask.dueDate,
        splitAt: subTask.splitAt,
        splitBy: subTask.splitBy,
        progress: standing.progress,
        status: standing.row?.status ?? null,
      };
    }),
    rolledUpProgress: own && rolled ? rolled.progressOf(own) : task.progress,
  };
};

type SubTaskDetailLike = {
  subTaskId: string;
  title: string;
  unitId: string;
  weight: number;
  dueDate: string;
  splitAt: string;
  splitBy: string;
};
