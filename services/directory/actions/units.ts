import type { ServiceSchema } from 'moleculer';
import {
  defaultUnitCategory,
  type UnitCategory,
  type UnitEvent,
} from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { unitStreamId } from '../../../contracts/streams.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import { subtreeUnitIds } from '../../../projections/unit-list/subtree.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { idsFrom, knownIds } from './known.ts';

/**
 * The category of each registered unit among `ids`, read from its registration
 * (a unit's category is set once, when registered); unknown ids are left out.
 */
const categoriesOf = async (
  eventStore: EventStore,
  ids: readonly string[],
): Promise<Record<string, UnitCategory>> => {
  const found = await Promise.all(
    ids.map(async (id) => {
      const [stored] = await eventStore.readStream(unitStreamId(id), { limit: 1 });
      if (!stored) return null;
      const { data } = toDomainEvent<UnitEvent>(stored);
      return [id, data.category ?? defaultUnitCategory] as const;
    }),
  );
  return Object.fromEntries(found.filter((entry) => entry !== null));
};

/**
 * The path in the tree of each registered unit among `ids` (the top first,
 * ending with the unit), read from its registration, which records the
 * ancestors it was placed under (a unit stays where it was registered).
 */
const pathsOf = async (
  eventStore: EventStore,
  ids: readonly string[],
): Promise<Record<string, string[]>> => {
  const found = await Promise.all(
    ids.map(async (id) => {
      const [stored] = await eventStore.readStream(unitStreamId(id), { limit: 1 });
      if (!stored) return null;
      const { data } = toDomainEvent<UnitEvent>(stored);
      const above = data.parentUnitId ? (data.ancestorUnitIds ?? [data.parentUnitId]) : [];
      return [id, [...above, id]] as [string, string[]];
    }),
  );
  return Object.fromEntries(found.filter((entry) => entry !== null));
};

/** Units (责任单位) as the other services look them up. */
export const unitLookups = (deps: ServiceDeps): ServiceSchema['actions'] => ({
  /** Which of the given unit ids are registered, read from the source of truth. */
  knownUnits: guarded('internal', async (ctx) =>
    knownIds(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids), unitStreamId),
  ),
  /** The category of each of the given units registered, read from the source of truth. */
  unitCategories: guarded('internal', async (ctx) =>
    categoriesOf(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids)),
  ),
  /** The path in the tree of each of the given units registered, read from the source of truth. */
  unitPaths: guarded('internal', async (ctx) =>
    pathsOf(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids)),
  ),
  /**
   * The units of the subtree of the given unit, itself first, from the directory's
   * read model (an indexed query: the log holds no index of children).
   */
  unitSubtree: guarded('internal', async (ctx) => {
    const [unitId] = idsFrom([(ctx.params as { unitId?: unknown }).unitId]);
    return unitId === undefined ? [] : subtreeUnitIds(deps.readModels, unitId);
  }),
});
