import { taskTitles } from '../../audit/api.ts';
import { table, taskLink } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';

/** One score item of a unit, as the responsibility board answers it. */
export interface ScoreItem {
  rule: string;
  points: number;
  ref: string;
  reason: string;
  bonusKind: string | null;
}

/** What the breakdown needs of a unit's row. */
export interface ScoredRow {
  unitId: string;
  unitName: string | null;
  score: number;
  deductionCount: number;
  deductions: ScoreItem[];
}

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

/** A unit's item, or the note that the row carries only the first of its items. */
type Line = { row: ScoredRow; item: ScoreItem | null };

const linesOf = (rows: readonly ScoredRow[]): Line[] =>
  rows.flatMap((row) => [
    ...row.deductions.map((item) => ({ row, item })),
    ...(row.deductionCount > row.deductions.length ? [{ row, item: null }] : []),
  ]);

/** The task a deduction's `ref` names (`<task>` or `<task>/<what>`). */
const taskOf = (ref: string): string => ref.split('/')[0] ?? ref;

/**
 * What a score item is about: a bonus's own reason, else the task it names by
 * its title (linked); nothing for a record (问责: the rule says so already) or
 * a task the reader may not see.
 */
const about = (item: ScoreItem, titles: ReadonlyMap<string, string>) => {
  if (item.rule === 'BONUS') return item.reason;
  const title = titles.get(taskOf(item.ref));
  return title ? taskLink(taskOf(item.ref), title) : '—';
};

/**
 * 得分明细: every score item of the units on the page, 加分 among the
 * deductions, each with its rule in words — what a bonus was for is the
 * leader's own reason; a deduction names its task (or record). The score
 * column stays the bare number it sorts and exports by.
 */
export const scoreBreakdown = async (rows: readonly ScoredRow[]) => {
  const lines = linesOf(rows);
  const taskIds = lines.flatMap(({ item }) =>
    item && item.rule !== 'BONUS' ? [taskOf(item.ref)] : [],
  );
  const titles = await taskTitles([...new Set(taskIds)]).catch(() => new Map<string, string>());
  return table(
    t('scoreBreakdown'),
    [
      { label: t('unit'), cell: (line: Line) => line.row.unitName ?? line.row.unitId },
      {
        label: t('scoreRule'),
        cell: (line: Line) =>
          line.item
            ? `${tOf('scoreRule', line.item.rule)}${
                line.item.bonusKind ? `（${tOf('bonusKind', line.item.bonusKind)}）` : ''
              }`
            : t('scoreItemsMore', {
                shown: line.row.deductions.length,
                count: line.row.deductionCount,
              }),
      },
      {
        label: t('scorePoints'),
        cell: (line: Line) => (line.item ? signed(line.item.points) : ''),
      },
      {
        label: t('scoreAbout'),
        cell: (line: Line) => (line.item ? about(line.item, titles) : ''),
      },
    ],
    lines,
  );
};
