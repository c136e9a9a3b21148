import { type Data, recordedOn } from '../../events.ts';
import { indicatorTerms } from '../../indicator-terms.ts';
import type { EventEnvelope, Evolve } from '../../projection.ts';
import { isReadBy } from '../../readers.ts';
import { partDocumentId } from '../shared.ts';
import type { BoardIndicator, IndicatorValue } from './document.ts';

const defined = (data: Data<'IndicatorDefined'>, envelope: EventEnvelope): BoardIndicator => ({
  id: partDocumentId(data.taskId, data.indicatorId),
  position: envelope.position,
  taskId: data.taskId,
  indicatorId: data.indicatorId,
  ...indicatorTerms(data),
  definedOn: recordedOn(envelope),
  selfReported: null,
  measured: null,
  reportCount: 0,
});

/** A value about an earlier day than the one held does not replace it; the same day does. */
const latest = (held: IndicatorValue | null, value: IndicatorValue): IndicatorValue =>
  held !== null && held.asOf > value.asOf ? held : value;

const valueReported = (
  indicator: BoardIndicator,
  envelope: EventEnvelope,
  data: Data<'IndicatorValueReported'>,
): BoardIndicator => {
  const value: IndicatorValue = {
    value: data.value,
    asOf: data.asOf,
    reportedOn: recordedOn(envelope),
    reportedByUnitId: data.reportedByUnitId,
  };
  const source = data.source === 'measured' ? 'measured' : 'selfReported';
  return {
    ...indicator,
    [source]: latest(indicator[source], value),
    reportCount: indicator.reportCount + 1,
    position: envelope.position,
  };
};

const isRead = isReadBy('boardIndicators');

/** Builds an indicator's board document; returns new objects, never mutates `indicator`. */
export const evolveBoardIndicator: Evolve<BoardIndicator> = (indicator, envelope) => {
  const { event } = envelope;
  if (!isRead(event)) return indicator;
  switch (event.type) {
    case 'IndicatorDefined':
      return defined(event.data, envelope);
    case 'IndicatorValueReported':
      return indicator && valueReported(indicator, envelope, event.data);
    default: {
      // Only the events readers.ts names for this view get past `isRead`.
      const _exhaustive: never = event;
      return indicator;
    }
  }
};
