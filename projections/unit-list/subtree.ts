import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import type { UnitListItem } from './document.ts';
import { levelField } from './levels.ts';

/** The most units one subtree answers: a district's whole tree fits many times over. */
export const subtreeLimit = 5000;

/** A unit's path in the tree, top first, ending with itself (a row built before the tree: itself). */
export const pathOf = (unit: UnitListItem): readonly string[] => unit.path ?? [unit.id];

/**
 * The units of the subtree of `unitId`, itself first: one read of the unit and
 * one indexed query on its level's field. Empty when the unit is unknown.
 */
export const subtreeUnits = async (
  readModels: ReadModelStore,
  unitId: string,
): Promise<UnitListItem[]> => {
  const unit = await readModels.get<UnitListItem>('units', unitId);
  if (!unit) return [];
  const depth = pathOf(unit).length - 1;
  const page = await readModels.find<UnitListItem>('units', {
    filter: { [levelField(depth)]: unitId },
    limit: subtreeLimit,
    count: false,
  });
  // Rows built before the tree have no level fields: the unit itself is always in.
  return [unit, ...page.items.filter((item) => item.id !== unitId)];
};

/** The ids of the subtree of `unitId`, itself first; empty when the unit is unknown. */
export const subtreeUnitIds = async (
  readModels: ReadModelStore,
  unitId: string,
): Promise<string[]> => (await subtreeUnits(readModels, unitId)).map((unit) => unit.id);
