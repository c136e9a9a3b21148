import { number } from '../core/format.ts';
import { t } from '../core/i18n.ts';

/** The terms of an indicator that say what reaching it means. */
export interface TargetTerms {
  target: number;
  comparison: string;
  unitOfMeasure: string;
  /** Absent where a view did not ask for it: exact. */
  tolerance?: number;
}

const comparisons: Record<string, string> = { GTE: '≥', LTE: '≤', EQ: '=' };

/**
 * The target as the work report puts it: `≥ 89 %`, or, for a target of 约
 * (about), `≥ 约 22000 平方米（±500）`.
 */
export const targetText = (row: TargetTerms): string => {
  const comparison = comparisons[row.comparison] ?? row.comparison;
  const about = row.tolerance ? `${t('about')} ` : '';
  const within = row.tolerance ? t('withinTolerance', { tolerance: number(row.tolerance, 2) }) : '';
  return `${comparison} ${about}${number(row.target, 2)} ${row.unitOfMeasure}${within}`;
};
