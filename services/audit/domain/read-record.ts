import { validationError } from '../../../contracts/errors.ts';
import type { AuditedRead } from '../../../contracts/events/audit-events.ts';
import type { AuditEvent } from '../../../contracts/events/index.ts';
import type { Decider, DecisionContext } from '../../shared/decider.ts';

/** Record that the acting reader read a history (查阅留痕), and what it got. */
export type ReadRecordCommand = {
  type: 'RecordHistoryRead';
  data: { operation: AuditedRead; query: Record<string, unknown>; resultCount: number };
};

/** How many reads a reader's stream of the day holds; no rule reads more. */
export type ReadRecordState = { reads: number };

const operations: readonly AuditedRead[] = ['auditHistory', 'taskHistory'];

const recordHistoryRead = (
  data: ReadRecordCommand['data'],
  { actor, now }: DecisionContext,
): AuditEvent[] => {
  if (!operations.includes(data.operation)) {
    throw validationError('operation', `must be one of ${operations.join(', ')}`);
  }
  if (!Number.isSafeInteger(data.resultCount) || data.resultCount < 0) {
    throw validationError('resultCount', 'must be a whole number of at least 0');
  }
  return [
    {
      type: 'AuditHistoryRead',
      data: {
        actorId: actor.id,
        role: actor.role,
        ...(actor.unitId ? { unitId: actor.unitId } : {}),
        operation: data.operation,
        query: data.query,
        resultCount: data.resultCount,
        at: now,
      },
    },
  ];
};

const decide = (
  command: ReadRecordCommand,
  _state: ReadRecordState,
  context: DecisionContext,
): AuditEvent[] => {
  switch (command.type) {
    case 'RecordHistoryRead':
      return recordHistoryRead(command.data, context);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`unknown read-record command ${_exhaustive as string}`);
    }
  }
};

const evolve = (state: ReadRecordState, event: AuditEvent): ReadRecordState => {
  switch (event.type) {
    case 'AuditHistoryRead':
      return { reads: state.reads + 1 };
    case 'TreeHeadSigned':
    case 'TreeHeadCosigned':
    case 'AuditAlarmRaised':
      return state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/**
 * Reads of the history (the `audit-reads-…` streams). The reader and the time
 * come from the decision context, never from the caller, so a record cannot
 * name someone else or another moment.
 */
export const readRecordDecider: Decider<ReadRecordCommand, AuditEvent, ReadRecordState> = {
  initialState: () => ({ reads: 0 }),
  evolve,
  decide,
};
