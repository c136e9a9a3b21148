import type { UnitCategory } from '../../../contracts/events/index.ts';
import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import { type BlockageRow, openBlockageRows } from './blockage-rows.ts';
import { type BoardView, boardView, perTaskOfView } from './board-view.ts';
import { type DayLights, dayLightsOf } from './day-lights.ts';
import { groupedBy } from './grouping.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import type { LightCounts } from './light-counts.ts';
import { sortRows } from './paging.ts';
import { standings } from './scores.ts';
import { sectionTallies } from './section-tallies.ts';
import { joinedItems } from './slot-list.ts';
import { type StageRow, taskStageRows } from './stage-board.ts';

/** Lights of one plan section (the work report's section a task comes from), of one kind. */
export interface SectionLights extends LightCounts {
  section: string | null;
  /** The tasks' kind: the annual plan's, or a matter's source. */
  kind: TaskKind;
  /** Suspended tasks: counted, but not lit. */
  suspended: number;
  /** Tasks whose completion (办结) the office accepted: the 办结率 is this of `total`. */
  accepted: number;
  total: number;
}

/** One unit's place in the ranking (督查考核排名), among the units of its category. */
export interface RankingEntry {
  rank: number;
  unitId: string;
  unitName: string | null;
  category: UnitCategory;
  score: number;
}

/** The shape and judgement of a kept digest: one kept under another is computed again. */
export const digestFormat = 4;

/** The most items an overview lists per list (its `top`). */
export const digestTop = 50;

/**
 * Everything the overview of one day answers from, for any section and any
 * `top` up to `digestTop`: the lights per section, the ranking, and of the
 * overdue milestones and open blockages the first `digestTop` of each section
 * (the first N of all sections are among them). Small and final once the day
 * is over: the overview of a past day is read from its kept digest instead of
 * the day's every document.
 */
export interface OverviewDigest extends BoardStamp {
  format: typeof digestFormat;
  period: string;
  /** Every section's lights by kind, sorted by section, then kind. */
  sections: SectionLights[];
  /** Overdue milestones, worst first per section and kind, `digestTop` per each at most. */
  overdue: StageRow[];
  /** Open blockages, oldest first per section and kind, `digestTop` per each at most. */
  blockages: BlockageRow[];
  ranking: RankingEntry[];
  /** The day's point of the light chart. */
  lights: DayLights;
}

/** The `top` rows with the highest `key`, ties broken by id. */
export const topBy = <T extends { id: string }>(
  rows: readonly T[],
  key: (row: T) => number,
  top: number,
): T[] => sortRows(rows, key, 'desc', (row) => row.id).slice(0, top);

/** One group per plan section and kind: the overview filters on both. */
const placeOf = (section: string | null, kind: TaskKind): string => JSON.stringify([section, kind]);

/** The first `digestTop` rows of each section and kind by `key`, highest first. */
const topPerSection = <T extends { id: string; section: string | null; kind: TaskKind }>(
  rows: readonly T[],
  key: (row: T) => number,
): T[] =>
  [...groupedBy(rows, (row) => placeOf(row.section, row.kind)).values()].flatMap((list) =>
    topBy(list, key, digestTop),
  );

const sectionLights = (view: BoardView): SectionLights[] => {
  const rows = sectionTallies(view).map((tally) => ({
    section: tally.section,
    kind: tally.kind,
    green: tally.green,
    yellow: tally.yellow,
    red: tally.red,
    suspended: tally.suspended,
    accepted: tally.accepted,
    total: tally.total,
  }));
  return sortRows(
    rows,
    (row) => row.section,
    'asc',
    (row) => `${row.section ?? ''}|${row.kind}`,
  );
};

const none: readonly StageRow[] = [];

/** Each supervised task's overdue milestones, in the view's task order. */
const overduePerTask = perTaskOfView((facts, view): readonly StageRow[] => {
  const rows = taskStageRows(facts, view);
  return rows.some((row) => row.state === 'overdue')
    ? rows.filter((row) => row.state === 'overdue')
    : none;
});

/** Every overdue milestone of the supervised tasks, in the view's task order. */
const joinedOverdue = joinedItems<StageRow>();

const overdueRows = (view: BoardView): StageRow[] => joinedOverdue(overduePerTask(view));

/** The digest of `input`'s day (pure). */
export const overviewDigestOf = (input: BoardInput): OverviewDigest => {
  const view = boardView(input);
  const overdue = overdueRows(view);
  return {
    ...stampOf(input),
    format: digestFormat,
    period: view.period.name,
    sections: sectionLights(view),
    overdue: topPerSection(overdue, (row) => row.daysOverdue),
    blockages: topPerSection(openBlockageRows(view).rows, (row) => row.ageDays),
    // The bodies not ranked are left out of the ranking.
    ranking: standings(view).ranked.flatMap((score) =>
      score.rank === null
        ? []
        : [
            {
              rank: score.rank,
              unitId: score.unitId,
              unitName: view.unitName(score.unitId),
              category: score.category,
              score: score.score,
            },
          ],
    ),
    lights: dayLightsOf(input),
  };
};
