import type { TaskListItem } from './document.ts';

/** Units no longer signed once they stop holding the assignment they signed for. */
export const withoutSigned = (item: TaskListItem, unitId: string | null): string[] =>
  unitId === null ? item.signedUnitIds : item.signedUnitIds.filter((id) => id !== unitId);

/** A unit signed (签收) for the current assignment; signing twice changes nothing. */
export const withSigned = (item: TaskListItem, unitId: string): string[] =>
  item.signedUnitIds.includes(unitId) ? item.signedUnitIds : [...item.signedUnitIds, unitId];
