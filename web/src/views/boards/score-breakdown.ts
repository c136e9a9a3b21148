import { h } from '../../core/dom.ts';
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
  score: number;
  bonusPoints: number;
  deductionCount: number;
  deductions: ScoreItem[];
}

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

/**
 * One item in words: its rule (and kind of bonus), its points, and what it is
 * about — a bonus's reason is the leader's own; a deduction's is the server's,
 * kept as its tooltip beside the task it names.
 */
const itemLine = (item: ScoreItem) =>
  h(
    'li',
    { 'data-rule': item.rule, title: item.reason },
    h(
      'span',
      { class: 'score-rule' },
      tOf('scoreRule', item.rule),
      item.bonusKind ? `（${tOf('bonusKind', item.bonusKind)}）` : '',
    ),
    ' ',
    h(
      'span',
      { class: item.points > 0 ? 'score-points plus' : 'score-points' },
      signed(item.points),
    ),
    ' ',
    h('span', { class: 'score-about' }, item.rule === 'BONUS' ? item.reason : item.ref),
  );

/**
 * A unit's score with its breakdown (得分明细) folded beside it: every item the
 * row carries, 加分 among the deductions, each with its rule in words. The
 * score stays the cell's text, so an export or a print keeps it as a number
 * (they leave folded details out).
 */
export const scoreBreakdown = (row: ScoredRow) => {
  if (row.deductionCount === 0) return row.score;
  return h(
    'span',
    { class: 'score-cell' },
    String(row.score),
    h(
      'details',
      { class: 'score-breakdown' },
      h(
        'summary',
        {},
        t('scoreBreakdown'),
        row.bonusPoints > 0 ? `（${t('bonusPointsOf', { points: signed(row.bonusPoints) })}）` : '',
      ),
      h('ul', { class: 'score-items' }, row.deductions.map(itemLine)),
      row.deductionCount > row.deductions.length
        ? h(
            'p',
            { class: 'score-more' },
            t('scoreItemsMore', { shown: row.deductions.length, count: row.deductionCount }),
          )
        : null,
    ),
  );
};
