import type { EscalationLevel } from '../../../domain/judgement/index.ts';
import { type BlockageRow, levelNames, openBlockageRows } from './blockage-rows.ts';
import { type BoardQuery, type FacetedBoard, ofKind, withFacet } from './board-query.ts';
import { boardView } from './board-view.ts';
import { type BoardInput, stampOf } from './input.ts';
import { type RowOrder, sortedPage } from './paging.ts';
import { type PingPongRow, pingPongs } from './ping-pong.ts';
import type { SortFieldOf } from './sort-fields.ts';
import { inSubtree } from './subtrees.ts';

export type { BlockageRow } from './blockage-rows.ts';

/** Filters of the blockage board (the unit: the one held up); a page of it. */
export interface BlockageQuery extends BoardQuery<SortFieldOf<'blockage'>> {
  waitingOnUnitId?: string | null | undefined;
  level?: EscalationLevel | null | undefined;
  minAgeDays?: number | null | undefined;
  inCycle?: boolean | null | undefined;
}

/** The blockage board of a day: a page of open blockages counted by level, cycles and ping-pong. */
export interface BlockageBoard extends FacetedBoard<BlockageRow, EscalationLevel> {
  /** Units that wait on each other in a circle, among all open blockages. */
  cycles: string[][];
  /** Tasks bounced between units this year (of the unit, when one is asked for). */
  pingPongs: PingPongRow[];
}

const matches = (
  candidate: BlockageRow,
  query: BlockageQuery,
  subtree: ReadonlySet<string> | null,
): boolean =>
  (!query.section || candidate.section === query.section) &&
  ofKind(candidate, query) &&
  inSubtree(subtree, candidate.blockedUnitId) &&
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

const order: RowOrder<BlockageRow, SortFieldOf<'blockage'>> = {
  defaultSort: { field: 'ageDays', direction: 'desc' },
  key: (field) => (candidate) =>
    field === 'level' ? levelNames.indexOf(candidate.level) : candidate[field],
  id: (candidate) => candidate.id,
};
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
  const subtree = view.subtree(query.unitSubtree);
  const rows = all.filter((candidate) => matches(candidate, query, subtree));
  const { unitId } = query;
  return {
    ...stampOf(input),
    counts: levelCounts(rows),
    cycles,
    pingPongs: unitId ? pingPongs(view).filter((p) => involves(p, unitId)) : pingPongs(view),
    ...sortedPage(
      withFacet(rows, query.level, (candidate) => candidate.level),
      query,
      order,
    ),
  };
};
