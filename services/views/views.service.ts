import type { ServiceSchema } from 'moleculer';
import {
  taskHistoryInput,
  taskIdInput,
  tasksByIdInput,
} from '../../contracts/catalogue/tasks/queries.ts';
import { decodeKeyCursor, encodeKeyCursor } from '../../contracts/cursor.ts';
import { notFound } from '../../contracts/errors.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import { createTreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { TaskDetail } from '../../projections/task-detail/projection.ts';
import type { TaskListItem } from '../../projections/task-list/projection.ts';
import type { UnitListItem } from '../../projections/unit-list/projection.ts';
import { subtreeUnitIds } from '../../projections/unit-list/subtree.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import { historyConnection, readStreamPage } from './history-page.ts';
import { rolledUpProgresses, taskTreePart } from './sub-tasks.ts';
import { taskPage, unitIdsOf } from './task-page.ts';
import { sortFieldOf, sortValueOf, taskListQuery, tasksQueryInput } from './task-query.ts';
import { unitTree } from './unit-tree.ts';

/** Queries over the read models, and the task history from the event store itself. */
export const createViewsService = (deps: ServiceDeps): ServiceSchema => {
  const unitsById = async (ids: string[]) =>
    deps.readModels.getMany<UnitListItem>('units', [...new Set(ids)]);
  // The signed tree heads, read from the event store: a history shows which of its
  // events a head already covers even where the audit service runs elsewhere.
  const treeHeads = createTreeHeadIndex(deps.eventStore);
  /** The page with its place in the tree of tasks, each sub-task's unit named. */
  const withTaskTree = async <P extends object>(task: TaskDetail, page: P) => {
    const tree = await taskTreePart(deps.readModels, task);
    const units = await unitsById(tree.subTasks.map((subTask) => subTask.unitId));
    return {
      ...page,
      ...tree,
      subTasks: tree.subTasks.map((subTask) => ({
        ...subTask,
        unit: { id: subTask.unitId, name: units.get(subTask.unitId)?.name ?? null },
      })),
    };
  };

  return {
    name: 'views',
    actions: {
      task: guarded('task', async (ctx) => {
        const { id } = parseInput(taskIdInput, ctx.params);
        const task = await deps.readModels.get<TaskDetail>('tasks', id);
        if (!task) throw notFound('id', `task ${id}`);
        return withTaskTree(task, await taskPage(task, unitsById));
      }),

      tasksById: guarded('tasksById', async (ctx) => {
        const { ids } = parseInput(tasksByIdInput, ctx.params);
        // One read of the tasks and one of their units; in the order asked, null for an id no task has.
        const found = await deps.readModels.getMany<TaskDetail>('tasks', [...new Set(ids)]);
        const units = await unitsById([...found.values()].flatMap(unitIdsOf));
        return Promise.all(
          ids.map((id) => {
            const task = found.get(id);
            return task
              ? taskPage(task, async () => units).then((page) => withTaskTree(task, page))
              : null;
          }),
        );
      }),

      tasks: guarded('tasks', async (ctx) => {
        const input = parseInput(tasksQueryInput, ctx.params);
        const field = sortFieldOf(input);
        const after = input.after ? decodeKeyCursor(input.after, field) : null;
        const subtree = input.unitSubtree
          ? await subtreeUnitIds(deps.readModels, input.unitSubtree)
          : null;
        // One item more than the page tells whether another page follows.
        const page = await deps.readModels.find<TaskListItem>('task_list', {
          ...taskListQuery(input, after, subtree),
          limit: input.first + 1,
        });
        const items = page.items.slice(0, input.first);
        const rolled = await rolledUpProgresses(deps.readModels, items);
        const units = await unitsById(
          items.flatMap((item) => (item.leadUnitId ? [item.leadUnitId] : [])),
        );
        const edges = items.map((item) => ({
          cursor: encodeKeyCursor({ field, value: sortValueOf(item, field), id: item.id }),
          node: {
            ...item,
            // Rows projected before matters are the plan's tasks.
            kind: item.kind ?? 'annual_plan',
            parentTaskId: item.parentTaskId ?? null,
            rolledUpProgress: rolled.progressOf(item),
            leadUnit: item.leadUnitId
              ? { id: item.leadUnitId, name: units.get(item.leadUnitId)?.name ?? null }
              : null,
          },
        }));
        return {
          edges,
          totalCount: page.total,
          pageInfo: {
            hasNextPage: page.items.length > input.first,
            hasPreviousPage: after !== null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      }),

      units: guarded('units', async () => {
        const page = await deps.readModels.find<UnitListItem>('units', {
          sort: [{ field: 'name', direction: 'asc' }],
          limit: 10_000,
        });
        return unitTree(page.items);
      }),

      taskHistory: guarded('taskHistory', async (ctx) => {
        const { id, ...page } = parseInput(taskHistoryInput, ctx.params);
        const streamId = taskStreamId(id);
        const read = await readStreamPage(deps.eventStore, streamId, page);
        const exists =
          read.events.length > 0 ||
          (await deps.eventStore.readStream(streamId, { limit: 1 })).length > 0;
        if (!exists) throw notFound('taskId', `task ${id}`);
        await treeHeads.refresh();
        return historyConnection(read, treeHeads.latest()?.head.treeSize ?? 0);
      }),

      health: async () => {
        await deps.readModels.ping();
        return { ok: true, checkpoint: await deps.readModels.getCheckpoint('main') };
      },
    },
  };
};
