import { gql } from '../core/api.ts';
import { sectionsQuery } from '../operations/boards.ts';
import { officialsQuery, unitsQuery } from '../operations/session.ts';

export interface UnitName {
  id: string;
  name: string | null;
  /** Its place in the unit tree, the top first, ending with itself (units only). */
  path?: { id: string }[] | null;
}

/** The units below `unitId` in the tree (not itself), in the order listed. */
export const unitsBelow = (list: readonly UnitName[], unitId: string): UnitName[] =>
  list.filter((unit) => unit.id !== unitId && (unit.path ?? []).some((step) => step.id === unitId));

/** Whether `unitId` is above any of `unitIds` in the tree. */
export const isAbove = (
  list: readonly UnitName[],
  unitId: string,
  unitIds: readonly (string | null)[],
): boolean => unitsBelow(list, unitId).some((unit) => unitIds.includes(unit.id));

let units: Promise<UnitName[]> | null = null;
let sections: Promise<string[]> | null = null;
let officials: Promise<UnitName[]> | null = null;

/** Every unit, asked once per page load: the directory changes rarely. */
export const allUnits = (): Promise<UnitName[]> => {
  units ??= gql<{ units: UnitName[] }>(unitsQuery).then((data) => data.units);
  return units;
};

/** Every official (干部) by id and name, asked once per page load. */
export const allOfficials = (): Promise<UnitName[]> => {
  officials ??= gql<{ officials: UnitName[] }>(officialsQuery).then((data) => data.officials);
  return officials;
};

const sectionNames = (rows: readonly { section: string | null }[]): string[] =>
  rows.map((row) => row.section).filter((name): name is string => !!name);

/**
 * The plan's sections, as the overview lists them: those the overview already
 * brought when it was shown first, else asked once on their own.
 */
export const allSections = (): Promise<string[]> => {
  sections ??= gql<{ overview: { sections: { section: string | null }[] } }>(sectionsQuery).then(
    (data) => sectionNames(data.overview.sections),
  );
  return sections;
};

/** Keeps the sections of today's overview, so no board asks for them again. */
export const rememberSections = (rows: readonly { section: string | null }[]): void => {
  sections ??= Promise.resolve(sectionNames(rows));
};

/** Forget what was asked: after signing in as someone else. */
export const resetLookups = (): void => {
  units = null;
  sections = null;
  officials = null;
};

export const unitName = (list: readonly UnitName[], id: string | null | undefined): string =>
  id ? (list.find((unit) => unit.id === id)?.name ?? id) : '—';
