import type { EscalationLevel } from '../../../domain/judgement/index.ts';
import { type BlockageRow, levelNames, openBlockageRows } from './blockage-rows.ts';
import { boardView } from './board-view.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { type Page, type PageArgs, pageOf, type SortArgs, sortRows } from './paging.ts';
import { type PingPongRow, pingPongs } from './ping-pong.ts';

export type { BlockageRow } from './blockage-rows.ts';

/** What the blockage board sorts on (default: age, oldest first). */
export const blockageSortFields = ['ageDays', 'level', 'openedOn', 'reportedOn'] as const;
/** One of `blockageSortFields`. */
export type BlockageSortField = (typeof blockageSortFields)[number];

/** Filters of the blockage board: each one given narrows it; a page of it. */
export interface BlockageQuery extends PageArgs {
  section?: string | null | undefined;
  /** The unit held up. */
  unitId?: string | null | undefined;
  waitingOnUnitId?: string | null | undefined;
  level?: EscalationLevel | null | undefined;
  minAgeDays?: number | null | undefined;
  inCycle?: boolean | null | undefined;
  sort?: SortArgs<BlockageSortField> | null | undefined;
}

/** The blockage board of a day: a page of open blockages, with counts, cycles and ping-pong. */
export interface BlockageBoard extends BoardStamp, Page<BlockageRow> {
  /** Rows per recorded level, of those matching every filter but `level`. */
  counts: Record<EscalationLevel, number>;
  /** Units that wait on each other in a circle, among all open blockages. */
  cycles: string[][];
  /** Tasks bounced between units this year (of the unit, when one is asked for). */
  pingPongs: PingPongRow[];
}

const matches = (candidate: BlockageRow, query: BlockageQuery): boolean =>
  (!query.section || candidate.section === query.section) &&
  (!query.unitId || candidate.blockedUnitId === query.unitId) &&
  (!query.waitingOnUnitId || candidate.waitingOnUnitId === query.waitingOnUnitId) &&
  (query.minAgeDays === null ||
    query.minAgeDays === undefined ||
    candidate.ageDays >= query.minAgeDays) &&
  (query.inCycle === null || query.inCycle === undefined || candidate.inCycle === query.inCycle);

const levelCounts = (rows: readonly BlockageRow[]): Record<EscalationLevel, number> => {
  const counts = { none: 0, responsible_leader: 0, main_leader: 0 };
  for (const candidate of rows) counts[candidate.level] += 1;
  return counts;
};

const sortKey = (field: BlockageSortField) => (candidate: BlockageRow) =>
  field === 'level' ? levelNames.indexOf(candidate.level) : candidate[field];
const involves = (pingPong: PingPongRow, unitId: string): boolean =>
  pingPong.moves.some((move) => move.fromUnitId === unitId || move.toUnitId === unitId);

/**
 * The blockage board (盯堵点): open blockages by age and escalation level, the
 * unit each waits on, the chains of waiting and their cycles, and the tasks
 * bounced between units.
 */
export const buildBlockageBoard = (input: BoardInput, query: BlockageQuery): BlockageBoard => {
  const view = boardView(input);
  const { rows: all, cycles } = openBlockageRows(view);
  const rows = all.filter((candidate) => matches(candidate, query));
  const atLevel = query.level ? rows.filter((candidate) => candidate.level === query.level) : rows;
  const sort = query.sort ?? { field: 'ageDays', direction: 'desc' };
  const { unitId } = query;
  return {
    ...stampOf(input),
    counts: levelCounts(rows),
    cycles,
    pingPongs: unitId ? pingPongs(view).filter((p) => involves(p, unitId)) : pingPongs(view),
    ...pageOf(
      sortRows(atLevel, sortKey(sort.field), sort.direction, (r) => r.id),
      query,
    ),
  };
};
