import type { UnitListItem } from '../../projections/unit-list/projection.ts';
import { pathOf } from '../../projections/unit-list/subtree.ts';

/** A unit as another names it in the tree: its id and name. */
type UnitNode = { id: string; name: string | null };

/**
 * The units, in the order given, each with its parent, its children (in the
 * same order) and its path, named: the whole directory is read at once, so the
 * tree is put together here rather than by one query per unit.
 */
export const unitTree = (units: readonly UnitListItem[]) => {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const node = (id: string): UnitNode => ({ id, name: byId.get(id)?.name ?? null });
  const children = new Map<string, UnitNode[]>();
  for (const unit of units) {
    if (!unit.parentUnitId) continue;
    children.set(unit.parentUnitId, [...(children.get(unit.parentUnitId) ?? []), node(unit.id)]);
  }
  return units.map((unit) => ({
    ...unit,
    parentUnitId: unit.parentUnitId ?? null,
    parent: unit.parentUnitId ? node(unit.parentUnitId) : null,
    children: children.get(unit.id) ?? [],
    path: pathOf(unit).map(node),
  }));
};
