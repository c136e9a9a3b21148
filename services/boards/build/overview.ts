import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
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
  /** Only the tasks of this kind (the plan's, or a matter's source). */
  kind?: TaskKind | null | undefined;
  /** How many worst overdue milestones and oldest blockages to list. */
  top: number;
}

/** The overview of a day. */
export interface Overview extends BoardStamp {
  period: string;
  totals: LightCounts;
  /** Lights per plan section, of the kind asked or of every kind together. */
  sections: Omit<SectionLights, 'kind'>[];
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

type Place = { section?: string | null | undefined; kind?: TaskKind | null | undefined };

const lightPoint = (day: DayLights, { section, kind }: Place): LightPoint => ({
  day: day.day,
  ...lightsIn(day, section, kind),
});

const ofSection = <T extends { section: string | null; kind: TaskKind }>(
  rows: readonly T[],
  { section, kind }: Place,
): readonly T[] =>
  section || kind
    ? rows.filter((row) => (!section || row.section === section) && (!kind || row.kind === kind))
    : rows;

/** The digest's lights per section and kind, summed per section. */
const perSection = (rows: readonly SectionLights[]): Omit<SectionLights, 'kind'>[] => {
  const sums = new Map<string | null, Omit<SectionLights, 'kind'>>();
  for (const { kind: _kind, ...row } of rows) {
    const sum = sums.get(row.section);
    if (!sum) {
      sums.set(row.section, { ...row });
      continue;
    }
    for (const field of ['green', 'yellow', 'red', 'suspended', 'accepted', 'total'] as const) {
      sum[field] += row[field];
    }
  }
  return [...sums.values()];
};

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
  const place = { section: query.section, kind: query.kind };
  const top = Math.min(query.top, digestTop);
  return {
    day: digest.day,
    rulesetVersion: digest.rulesetVersion,
    position: digest.position,
    period: digest.period,
    totals: lightsIn(digest.lights, place.section, place.kind),
    sections: perSection(ofSection(digest.sections, place)),
    worstOverdue: topBy(ofSection(digest.overdue, place), (row) => row.daysOverdue, top),
    oldestBlockages: topBy(ofSection(digest.blockages, place), (row) => row.ageDays, top),
    // A unit's standing counts all its tasks: the ranking is not narrowed by kind.
    ranking: digest.ranking,
    series: [...earlier, digest.lights].map((point) => lightPoint(point, place)),
  };
};

/** The overview of `input`'s day (see `overviewOf`). */
export const buildOverview = (
  input: BoardInput,
  earlier: readonly DayLights[],
  query: OverviewQuery,
): Overview => overviewOf(overviewDigestOf(input), earlier, query);
