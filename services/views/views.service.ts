import type { ServiceSchema } from 'moleculer';
import { notFound } from '../../contracts/errors.ts';
import { pageInput, taskIdInput } from '../../contracts/inputs.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import type { Filter } from '../../infra/read-model-store/port.ts';
import type { TaskDetail } from '../../projections/task-detail/projection.ts';
import type { TaskListItem } from '../../projections/task-list/projection.ts';
import type { UnitListItem } from '../../projections/unit-list/projection.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** Queries over the read models, and the task history from the event store itself. */
export const createViewsService = (deps: ServiceDeps): ServiceSchema => {
  const unitsById = async (ids: string[]) =>
    deps.readModels.getMany<UnitListItem>('units', [...new Set(ids)]);

  return {
    name: 'views',
    actions: {
      task: guarded('task', async (ctx) => {
        const { id } = parseInput(taskIdInput, ctx.params);
        const task = await deps.readModels.get<TaskDetail>('tasks', id);
        if (!task) throw notFound('id', `task ${id}`);
        const units = await unitsById([
          ...(task.leadUnitId ? [task.leadUnitId] : []),
          ...task.cooperatingUnitIds,
        ]);
        const unit = (unitId: string) => ({ id: unitId, name: units.get(unitId)?.name ?? null });
        return {
          ...task,
          leadUnit: task.leadUnitId ? unit(task.leadUnitId) : null,
          cooperatingUnits: task.cooperatingUnitIds.map(unit),
        };
      }),

      tasks: guarded('tasks', async (ctx) => {
        const input = parseInput(pageInput, ctx.params);
        const offset = decodeCursor(input.after);
        const filter: Filter = {};
        if (input.leadUnitId) filter.leadUnitId = input.leadUnitId;
        if (input.status) filter.status = input.status;
        if (input.section) filter.section = input.section;
        const page = await deps.readModels.find<TaskListItem>('task_list', {
          filter,
          sort: [{ field: 'dueDate', direction: 'asc' }],
          offset,
          limit: input.first,
        });
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
        }));
      }),

      health: async () => {
        await deps.readModels.ping();
        return { ok: true, checkpoint: await deps.readModels.getCheckpoint('main') };
      },
    },
  };
};
