import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import { boardView } from './board-view.ts';
import type { BoardInput } from './input.ts';
import { type LightCounts, noLights } from './light-counts.ts';
import { sectionTallies } from './section-tallies.ts';

/** The lights of one plan section's tasks of one kind. */
export interface SectionLightCounts extends LightCounts {
  section: string | null;
  /** The tasks' kind; absent in lights kept before matters, which are the plan's. */
  kind?: TaskKind;
}

/**
 * The lights of every supervised task as known at the end of a day, by plan
 * section: one point of the overview's chart. A past day is over, so its
 * lights never change: they are computed once and kept.
 */
export interface DayLights {
  day: string;
  /** The last log position they reflect. */
  position: number;
  /** Sorted by section, the section-less tasks first. */
  sections: SectionLightCounts[];
}

/** The lights of `input`'s day, by section and kind. */
export const dayLightsOf = (input: BoardInput): DayLights => {
  const sections = sectionTallies(boardView(input))
    .map((tally) => ({
      section: tally.section,
      kind: tally.kind,
      green: tally.green,
      yellow: tally.yellow,
      red: tally.red,
    }))
    .sort(
      (a, b) =>
        (a.section ?? '').localeCompare(b.section ?? '', 'en') ||
        a.kind.localeCompare(b.kind, 'en'),
    );
  return { day: input.day, position: input.position, sections };
};

/**
 * The lights of a day's tasks in `section` and of `kind`, or of all of them
 * when neither is given.
 */
export const lightsIn = (
  day: DayLights,
  section: string | null | undefined,
  kind?: TaskKind | null,
): LightCounts => {
  const counts = noLights();
  for (const entry of day.sections) {
    if (section && entry.section !== section) continue;
    if (kind && (entry.kind ?? 'annual_plan') !== kind) continue;
    counts.green += entry.green;
    counts.yellow += entry.yellow;
    counts.red += entry.red;
  }
  return counts;
};
