import { validationError } from '../../../contracts/errors.ts';
import type { AuditedRead } from '../../../contracts/events/audit-events.ts';
import type { AuditEvent } from '../../../contracts/events/index.ts';
import type { Decider, DecisionContext } from '../../shared/decider.ts';

/** Record that the acting reader read a history (查阅留痕), and what it got. */
export type ReadRecordCommand = {
  type: 'RecordHistoryRead';
  data: { operation: AuditedRead; query: Record<string, unknown>; resultCount: number };
};

/**
 * How many reads a reader's stream of the day holds, and what the records of
 * its latest window cover (time only moves on: no read falls in an older one).
 */
export type ReadRecordState = { reads: number; window: string; covered: ReadonlySet<string> };

/** Reads of the same thing by the same reader within one window make one record. */
export const readWindowMinutes = 10;

const windowOf = (at: string): { from: string; to: string } => {
  const size = readWindowMinutes * 60_000;
  const from = Math.floor(Date.parse(at) / size) * size;
  return { from: new Date(from).toISOString(), to: new Date(from + size).toISOString() };
};

/** JSON with keys in order, so one query always names one thing. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, nested) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : 1)))
      : nested,
  );

const coverKey = (operation: string, query: unknown, from: string): string =>
  `${operation}|${canonical(query)}|${from}`;

const operations: readonly AuditedRead[] = ['auditHistory', 'taskHistory'];

const recordHistoryRead = (
  data: ReadRecordCommand['data'],
  state: ReadRecordState,
  { actor, now }: DecisionContext,
): AuditEvent[] => {
  if (!operations.includes(data.operation)) {
    throw validationError('operation', `must be one of ${operations.join(', ')}`);
  }
  if (!Number.isSafeInteger(data.resultCount) || data.resultCount < 0) {
    throw validationError('resultCount', 'must be a whole number of at least 0');
  }
  const window = windowOf(now);
  if (state.covered.has(coverKey(data.operation, data.query, window.from))) return [];
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
        window,
      },
    },
  ];
};

const decide = (
  command: ReadRecordCommand,
  state: ReadRecordState,
  context: DecisionContext,
): AuditEvent[] => {
  switch (command.type) {
    case 'RecordHistoryRead':
      return recordHistoryRead(command.data, state, context);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`unknown read-record command ${_exhaustive as string}`);
    }
  }
};

const evolve = (state: ReadRecordState, event: AuditEvent): ReadRecordState => {
  switch (event.type) {
    case 'AuditHistoryRead': {
      const { window, operation, query } = event.data;
      const reads = state.reads + 1;
      if (!window || window.from < state.window) return { ...state, reads };
      const key = coverKey(operation, query, window.from);
      const covered =
        window.from === state.window ? new Set(state.covered).add(key) : new Set([key]);
      return { reads, window: window.from, covered };
    }
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
 * name someone else or another moment. A read of what the reader already read
 * in the same 10-minute window is covered by that window's record and adds none.
 */
export const readRecordDecider: Decider<ReadRecordCommand, AuditEvent, ReadRecordState> = {
  initialState: () => ({ reads: 0, window: '', covered: new Set() }),
  evolve,
  decide,
};
