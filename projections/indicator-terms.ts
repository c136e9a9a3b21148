import type { Data } from './events.ts';

/**
 * What an indicator (实效) was defined as: every view that shows one keeps these.
 * `tolerance`, `wholeNumbers` and `assumed` are absent in documents projected
 * before they were kept: read as 0, false and none.
 */
export type IndicatorTerms = Pick<
  Data<'IndicatorDefined'>,
  | 'name'
  | 'unitOfMeasure'
  | 'target'
  | 'comparison'
  | 'dueDate'
  | 'baseline'
  | 'tolerance'
  | 'wholeNumbers'
  | 'assumed'
>;

/** The terms of an indicator, as its definition recorded them (0, false and none when it did not say). */
export const indicatorTerms = (data: Data<'IndicatorDefined'>): IndicatorTerms => ({
  name: data.name,
  unitOfMeasure: data.unitOfMeasure,
  target: data.target,
  comparison: data.comparison,
  dueDate: data.dueDate,
  baseline: data.baseline,
  tolerance: data.tolerance ?? 0,
  wholeNumbers: data.wholeNumbers ?? false,
  assumed: [...(data.assumed ?? [])],
});
