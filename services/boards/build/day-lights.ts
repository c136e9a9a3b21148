import { boardView } from './board-view.ts';
import { groupedBy } from './grouping.ts';
import type { BoardInput } from './input.ts';
import { countLights, type LightCounts, noLights } from './light-counts.ts';

/** The lights of one plan section's tasks. */
export interface SectionLightCounts extends LightCounts {
  section: string | null;
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

/** The lights of `input`'s day, by section. */
export const dayLightsOf = (input: BoardInput): DayLights => {
  const bySection = groupedBy(boardView(input).tasks, (facts) => facts.task.section);
  const sections = [...bySection]
    .map(([section, tasks]) => ({ section, ...countLights(tasks.map((facts) => facts.lit)) }))
    .sort((a, b) => (a.section ?? '').localeCompare(b.section ?? '', 'en'));
  return { day: input.day, position: input.position, sections };
};

/** The lights of a day's tasks in `section`, or of all of them when none is given. */
export const lightsIn = (day: DayLights, section: string | null | undefined): LightCounts => {
  const counts = noLights();
  for (const entry of day.sections) {
    if (section && entry.section !== section) continue;
    counts.green += entry.green;
    counts.yellow += entry.yellow;
    counts.red += entry.red;
  }
  return counts;
};
