import { addDays } from '../../../domain/dates.ts';
import { type BlockageRow, openBlockageRows } from './blockage-rows.ts';
import { type BoardView, boardView } from './board-view.ts';
import { type DayLights, dayLightsOf, lightsIn } from './day-lights.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { countLights, type LightCounts } from './light-counts.ts';
import { sortRows } from './paging.ts';
import { standings } from './scores.ts';
import { allStageRows, type StageRow } from './stage-board.ts';
import type { TaskFacts } from './task-facts.ts';

/** Lights of one plan section (the work report's section a task comes from). */
export interface SectionLights extends LightCounts {
  section: string | null;
  /** Suspended tasks: counted, but not lit. */
  suspended: number;
  total: number;
}

/** One unit's place in the ranking (亮赛比). */
export interface RankingEntry {
  rank: number;
  unitId: string;
  unitName: string | null;
  score: number;
}

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

const inSection = (view: BoardView, section: string | null | undefined) =>
  section ? view.tasks.filter((facts) => facts.task.section === section) : view.tasks;

const sectionLights = (view: BoardView, query: OverviewQuery): SectionLights[] => {
  const bySection = new Map<string | null, TaskFacts[]>();
  for (const facts of inSection(view, query.section)) {
    const tasks = bySection.get(facts.task.section);
    if (tasks) tasks.push(facts);
    else bySection.set(facts.task.section, [facts]);
  }
  const rows = [...bySection].map(([section, tasks]) => ({
    section,
    ...countLights(tasks.map((facts) => facts.lit)),
    suspended: tasks.filter((facts) => facts.lit === null).length,
    total: tasks.length,
  }));
  return sortRows(
    rows,
    (row) => row.section,
    'asc',
    (row) => row.section ?? '',
  );
};

const lightPoint = (day: DayLights, section: string | null | undefined): LightPoint => ({
  day: day.day,
  ...lightsIn(day, section),
});

/** The `top` rows with the highest `key`, ties broken by id. */
const topBy = <T extends { id: string }>(
  rows: readonly T[],
  key: (row: T) => number,
  top: number,
) => sortRows(rows, key, 'desc', (row) => row.id).slice(0, top);

/**
 * The overview: lights per plan section, the worst overdue milestones, the
 * oldest open blockages, the unit ranking (亮赛比) and the lights month by
 * month. `earlier` are the lights of the earlier chart days (`seriesDays`),
 * each as known at the end of its own day.
 */
export const buildOverview = (
  input: BoardInput,
  earlier: readonly DayLights[],
  query: OverviewQuery,
): Overview => {
  const view = boardView(input);
  const { section } = query;
  const overdue = allStageRows(input).filter(
    (row) => row.state === 'overdue' && (!section || row.section === section),
  );
  const blockages = openBlockageRows(view).rows.filter(
    (row) => !section || row.section === section,
  );
  const ranked = standings(view).ranked;
  return {
    ...stampOf(input),
    period: view.period.name,
    totals: countLights(inSection(view, section).map((facts) => facts.lit)),
    sections: sectionLights(view, query),
    worstOverdue: topBy(overdue, (row) => row.daysOverdue, query.top),
    oldestBlockages: topBy(blockages, (row) => row.ageDays, query.top),
    ranking: ranked.map((score) => ({
      rank: score.rank,
      unitId: score.unitId,
      unitName: view.unitName(score.unitId),
      score: score.score,
    })),
    series: [...earlier, dayLightsOf(input)].map((point) => lightPoint(point, section)),
  };
};
