import type { IndicatorTerms } from '../../indicator-terms.ts';

/** The latest value of one source, by the day it speaks of. */
export type IndicatorValue = {
  value: number;
  /** The day the value speaks of. */
  asOf: string;
  reportedOn: string;
  reportedByUnitId: string | null;
};

/**
 * One indicator (实效) as the boards read it (collection `board_indicators`, id
 * = `taskId/indicatorId`): its target and the latest value of each source, side
 * by side; attainment on a day is the builder's.
 */
export type BoardIndicator = IndicatorTerms & {
  id: string;
  position: number;
  taskId: string;
  indicatorId: string;
  definedOn: string;
  selfReported: IndicatorValue | null;
  measured: IndicatorValue | null;
  reportCount: number;
};
