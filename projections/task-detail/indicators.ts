import { indicatorTerms } from '../indicator-terms.ts';
import { updateItem } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { IndicatorDetail, IndicatorValueDetail } from './document.ts';

/** A new indicator (实效), no value reported yet. */
export const withIndicatorDefined: PageChange<'IndicatorDefined'> = (doc, data, stamp) => {
  const indicator: IndicatorDetail = {
    id: data.indicatorId,
    ...indicatorTerms(data),
    definedAt: stamp.at,
    valueCount: 0,
    latest: null,
    latestSelfReported: null,
    latestMeasured: null,
  };
  return { ...doc, indicators: [...doc.indicators, indicator] };
};

/**
 * A value speaking of an earlier day than the one shown (a late correction of
 * an old month, say) does not replace it; one of the same day does, as the
 * later report of that day.
 */
const later = (
  current: IndicatorValueDetail | null,
  value: IndicatorValueDetail,
): IndicatorValueDetail => (current !== null && current.asOf > value.asOf ? current : value);

/** Counts the value and keeps it where it is the latest (see `later`). */
export const withIndicatorValue: PageChange<'IndicatorValueReported'> = (doc, data, stamp) => {
  const value: IndicatorValueDetail = {
    value: data.value,
    asOf: data.asOf,
    source: data.source,
    evidence: [...data.evidence],
    reportedByUnitId: data.reportedByUnitId,
    reportedAt: stamp.at,
    reportedBy: stamp.by,
  };
  const measured = data.source === 'measured';
  return {
    ...doc,
    indicators: updateItem(doc.indicators, data.indicatorId, (indicator) => ({
      ...indicator,
      valueCount: indicator.valueCount + 1,
      latest: later(indicator.latest, value),
      latestSelfReported: measured
        ? indicator.latestSelfReported
        : later(indicator.latestSelfReported, value),
      latestMeasured: measured ? later(indicator.latestMeasured, value) : indicator.latestMeasured,
    })),
  };
};
