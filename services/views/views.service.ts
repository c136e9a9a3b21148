import type { ServiceSchema } from 'moleculer';
import { taskIdInput } from '../../contracts/catalogue/tasks/queries.ts';
import { decodeCursor, encodeCursor } from '../../contracts/cursor.ts';
import { notFound } from '../../contracts/errors.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import { createTreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { TaskDetail } from '../../projections/task-detail/projection.ts';
import type { TaskListItem } from '../../projections/task-list/projection.ts';
import type { UnitListItem } from '../../projections/unit-list/projection.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import { taskPage } from './task-page.ts';
import { taskListQuery, tasksQueryInput } from './task-query.ts';

/** Queries over the read models, and the task history from the event store itself. */
export const createViewsService = (deps: ServiceDeps): ServiceSchema => {
  const unitsById = async (ids: string[]) =>
    deps.readModels.getMany<UnitListItem>('units', [...new Set(ids)]);
  // The signed tree heads, read from the event store: a history shows which of its
  // events a head already covers even where the audit service runs elsewhere.
  const treeHeads = createTreeHeadIndex(deps.eventStore);

  return {
    name: 'views',
    actions: {
      task: guarded('task', async (ctx) => {
        const { id } = parseInput(taskIdInput, ctx.params);
        const task = await deps.readModels.get<TaskDetail>('tasks', id);
        if (!task) throw notFound('id', `task ${id}`);
        return taskPage(task, unitsById);
      }),

      tasks: guarded('tasks', async (ctx) => {
        const input = parseInput(tasksQueryInput, ctx.params);
        const offset = decodeCursor(input.after);
        const page = await deps.readModels.find<TaskListItem>(
          'task_list',
          taskListQuery(input, offset),
        );
        const units = await unitsById(
          page.items.flatMap((item) => (item.leadUnitId ? [item.leadUnitId] : [])),
        );
        const edges = page.items.map((item, index) => ({
          cursor: encodeCursor(offset + index),
          node: {
            ...item,
            leadUnit: item.leadUnitId
              ? { id: item.leadUnitId, name: units.get(item.leadUnitId)?.name ?? null }
              : null,
          },
        }));
        return {
          edges,
          totalCount: page.total,
          pageInfo: {
            hasNextPage: offset + page.items.length < page.total,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      }),

      units: guarded('units', async () => {
        const page = await deps.readModels.find<UnitListItem>('units', {
          sort: [{ field: 'name', direction: 'asc' }],
          limit: 10_000,
        });
        return page.items;
      }),

      taskHistory: guarded('taskHistory', async (ctx) => {
        const { id } = parseInput(taskIdInput, ctx.params);
        const events = await deps.eventStore.readStream(taskStreamId(id));
        if (events.length === 0) throw notFound('taskId', `task ${id}`);
        await treeHeads.refresh();
        const signedSize = treeHeads.latest()?.head.treeSize ?? 0;
        return events.map((event) => ({
          id: event.id,
          position: event.position,
          revision: event.revision,
          type: event.type,
          version: event.version,
          recordedAt: event.recordedAt,
          actor: event.metadata.actor,
          correlationId: event.metadata.correlationId,
          data: event.data,
          leafHash: eventLeafHash(event).toString('hex'),
          coveredBySignedHead: event.position <= signedSize,
        }));
      }),

      health: async () => {
        await deps.readModels.ping();
        return { ok: true, checkpoint: await deps.readModels.getCheckpoint('main') };
      },
    },
  };
};
