import { table } from '../../core/format.ts';
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

/**
 * 得分明细: every score item of the units on the page, 加分 among the
 * deductions, each with its rule in words — what a bonus was for is the
 * leader's own reason; a deduction names its task (or record). The score
 * column stays the bare number it sorts and exports by.
 */
export const scoreBreakdown = (rows: readonly ScoredRow[]) =>
  table(
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
        cell: (line: Line) =>
          line.item ? (line.item.rule === 'BONUS' ? line.item.reason : line.item.ref) : '',
      },
    ],
    linesOf(rows),
  );
