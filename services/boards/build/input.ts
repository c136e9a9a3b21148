import type { Ruleset, UnitCategory } from '../../../contracts/events/index.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
  BoardOfficial,
  BoardTask,
} from '../../../projections/boards/index.ts';

/**
 * A unit of the directory, as the boards name and rank it; `path`, its place in
 * the tree (the top first, ending with itself), only for a unit under another.
 */
export type BoardUnit = {
  id: string;
  name: string;
  category: UnitCategory;
  path?: readonly string[];
};

/** The read-model documents a board is built from, as known at the end of its day. */
export interface BoardDocuments {
  tasks: readonly BoardTask[];
  milestones: readonly BoardMilestone[];
  blockages: readonly BoardBlockage[];
  indicators: readonly BoardIndicator[];
  officials: readonly BoardOfficial[];
  units: readonly BoardUnit[];
  /** The part documents grouped by task and sorted by id, when the source keeps them so. */
  byTask?: PartsByTask;
}

/** Milestones, blockages and indicators by task id, each list sorted by document id. */
export interface PartsByTask {
  milestones: ReadonlyMap<string, readonly BoardMilestone[]>;
  blockages: ReadonlyMap<string, readonly BoardBlockage[]>;
  indicators: ReadonlyMap<string, readonly BoardIndicator[]>;
}

/**
 * Everything a board is built from (pure): the documents as of the end of `day`
 * (China Standard Time), the day itself, since lights depend on it, the
 * ruleset in force on it and the working-day calendars deadlines are counted in.
 */
export interface BoardInput {
  day: string;
  ruleset: Ruleset;
  /** The calendars in force by year (`calendarsInForce`): the same object while none is published. */
  calendars: Calendars;
  docs: BoardDocuments;
  /** The last log position the documents reflect. */
  position: number;
  /** The scoring period to judge: absent, the year to date (open). */
  period?: ScoringPeriod;
  /** Some of the documents' tasks only (a board of one kind): not followed, even when held. */
  narrowed?: boolean;
}

/**
 * Whether `input` is of the documents held in memory (today's, every task),
 * followed write by write: what is computed of it is kept, and the next such
 * input's computed from it where a write changed little. Any other input (a
 * past day, a board of one kind) is computed afresh, and leaves what is kept
 * as it was.
 */
export const isFollowed = (input: BoardInput): boolean =>
  input.docs.byTask !== undefined && input.narrowed !== true;

/**
 * A scoring period (督查考核): a year from `from` to `to`. Open (the year to date),
 * a limit counts once it has passed by `to`; closed (settled, 年度结算), every
 * limit up to `to` itself counts.
 */
export interface ScoringPeriod {
  name: string;
  from: string;
  to: string;
  closed: boolean;
}

/** What every board answers with besides its rows: which day, rules and log position. */
export interface BoardStamp {
  day: string;
  rulesetVersion: number;
  position: number;
}

/** The stamp of a board built from `input`. */
export const stampOf = (input: BoardInput): BoardStamp => ({
  day: input.day,
  rulesetVersion: input.ruleset.version,
  position: input.position,
});
