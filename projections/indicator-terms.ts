import type { Data } from './events.ts';

/** What an indicator (实效) was defined as: every view that shows one keeps these. */
export type IndicatorTerms = Pick<
  Data<'IndicatorDefined'>,
  'name' | 'unitOfMeasure' | 'target' | 'comparison' | 'dueDate' | 'baseline'
>;

/** The terms of an indicator, as its definition recorded them. */
export const indicatorTerms = (data: Data<'IndicatorDefined'>): IndicatorTerms => ({
  name: data.name,
  unitOfMeasure: data.unitOfMeasure,
  target: data.target,
  comparison: data.comparison,
  dueDate: data.dueDate,
  baseline: data.baseline,
});
