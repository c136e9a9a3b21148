import { gql } from '../core/api.ts';
import { sectionsQuery } from '../operations/boards.ts';
import { officialsQuery, unitsQuery } from '../operations/session.ts';

export interface UnitName {
  id: string;
  name: string | null;
}

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

/** The plan's sections, as the overview lists them. */
export const allSections = (): Promise<string[]> => {
  sections ??= gql<{ overview: { sections: { section: string | null }[] } }>(sectionsQuery).then(
    (data) =>
      data.overview.sections.map((row) => row.section).filter((name): name is string => !!name),
  );
  return sections;
};

/** Forget what was asked: after signing in as someone else. */
export const resetLookups = (): void => {
  units = null;
  sections = null;
  officials = null;
};

export const unitName = (list: readonly UnitName[], id: string | null | undefined): string =>
  id ? (list.find((unit) => unit.id === id)?.name ?? id) : '—';
