import { addDays } from '../../../domain/dates.ts';
import type { BlockageRow } from './blockage-rows.ts';
import { type DayLights, lightsIn } from './day-lights.ts';
import type { BoardInput, BoardStamp } from './input.ts';
import type { LightCounts } from './light-counts.ts';
import {
  digestTop,
  type OverviewDigest,
  overviewDigestOf,
  type RankingEntry,
  type SectionLights,
  topBy,
} from './overview-digest.ts';
import type { StageRow } from './stage-board.ts';

export type { RankingEntry, SectionLights } from './overview-digest.ts';

/** The lights of every supervised task as known at the end of `day`. */
export interface LightPoint extends LightCounts {
  day: string;
}

/** What the overview is asked for: a section, and how many items per list. */
export interface OverviewQuery {
  /** Only the tasks of this plan section. */
  section?: string | null | undefined;
  /** How many worst overdue milestones and oldest blockages to list. */
  top: number;
}

/** The overview of a day. */
export interface Overview extends BoardStamp {
  period: string;
  totals: LightCounts;
  sections: SectionLights[];
  worstOverdue: StageRow[];
  oldestBlockages: BlockageRow[];
  ranking: RankingEntry[];
  /** One point per month end of the year up to the day, and the day itself. */
  series: LightPoint[];
}

/**
 * The days of the light chart for a board of `day`: every month end of its year
 * before it, then the day itself.
 */
export const seriesDays = (day: string): string[] => {
  const year = Number(day.slice(0, 4));
  const monthEnds = Array.from({ length: 12 }, (_, month) => {
    const next = `${month === 11 ? year + 1 : year}-${String(((month + 1) % 12) + 1).padStart(2, '0')}-01`;
    return addDays(next, -1);
  });
  return [...monthEnds.filter((end) => end < day), day];
};

const lightPoint = (day: DayLights, section: string | null | undefined): LightPoint => ({
  day: day.day,
  ...lightsIn(day, section),
});

const ofSection = <T extends { section: string | null }>(
  rows: readonly T[],
  section: string | null | undefined,
): readonly T[] => (section ? rows.filter((row) => row.section === section) : rows);

/**
 * The overview from its day's digest (see `OverviewDigest`): lights per plan
 * section, the worst overdue milestones, the oldest open blockages, the unit
 * ranking (督查考核排名) and the lights month by month. `earlier` are the lights of
 * the earlier chart days (`seriesDays`), each as known at the end of its own day.
 */
export const overviewOf = (
  digest: OverviewDigest,
  earlier: readonly DayLights[],
  query: OverviewQuery,
): Overview => {
  const { section } = query;
  const top = Math.min(query.top, digestTop);
  const sections = ofSection(digest.sections, section);
  return {
    day: digest.day,
    rulesetVersion: digest.rulesetVersion,
    position: digest.position,
    period: digest.period,
    totals: lightsIn(digest.lights, section),
    sections: [...sections],
    worstOverdue: topBy(ofSection(digest.overdue, section), (row) => row.daysOverdue, top),
    oldestBlockages: topBy(ofSection(digest.blockages, section), (row) => row.ageDays, top),
    ranking: digest.ranking,
    series: [...earlier, digest.lights].map((point) => lightPoint(point, section)),
  };
};

/** The overview of `input`'s day (see `overviewOf`). */
export const buildOverview = (
  input: BoardInput,
  earlier: readonly DayLights[],
  query: OverviewQuery,
): Overview => overviewOf(overviewDigestOf(input), earlier, query);
