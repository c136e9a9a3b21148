import { validationError } from '../../../contracts/errors.ts';
import type { AuditedRead, HistoryRead } from '../../../contracts/events/audit-events.ts';
import type { AuditEvent } from '../../../contracts/events/index.ts';
import type { Decider, DecisionContext } from '../../shared/decider.ts';

/**
 * Record that the acting reader read a history (查阅留痕), and what it got; or,
 * once a window is over, how many times in it they read the same thing.
 */
export type ReadRecordCommand =
  | {
      type: 'RecordHistoryRead';
      data: { operation: AuditedRead; query: Record<string, unknown>; resultCount: number };
    }
  | {
      type: 'TallyHistoryReads';
      data: {
        operation: AuditedRead;
        query: Record<string, unknown>;
        window: { from: string; to: string };
        reads: number;
      };
    };

/**
 * How many reads a reader's stream of the day holds, and what the records of
 * its latest window cover (time only moves on: no read falls in an older one).
 */
export type ReadRecordState = {
  reads: number;
  window: string;
  covered: ReadonlySet<string>;
  /** The windows of the day already tallied (one tally each). */
  tallied: ReadonlySet<string>;
};

/** Reads of the same thing by the same reader within one window make one record. */
export const readWindowMinutes = 10;

/** The 10-minute window a moment falls in. */
export const windowOf = (at: string): { from: string; to: string } => {
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

/** One reader's reads of one thing in one window share this key. */
export const coverKey = (operation: string, query: unknown, from: string): string =>
  `${operation}|${canonical(query)}|${from}`;

const operations: readonly AuditedRead[] = ['auditHistory', 'taskHistory'];

const recordHistoryRead = (
  data: Extract<ReadRecordCommand, { type: 'RecordHistoryRead' }>['data'],
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
  return [readRecord({ actor, now }, { ...data, window, reads: 1 })];
};

/** The record of a reader's reads: who (from the decision, never the caller), what, when. */
const readRecord = (
  { actor, now }: DecisionContext,
  read: Omit<HistoryRead, 'actorId' | 'role' | 'unitId' | 'at'>,
): AuditEvent => ({
  type: 'AuditHistoryRead',
  data: {
    actorId: actor.id,
    role: actor.role,
    ...(actor.unitId ? { unitId: actor.unitId } : {}),
    operation: read.operation,
    query: read.query,
    resultCount: read.resultCount,
    at: now,
    ...(read.window ? { window: read.window } : {}),
    ...(read.reads === undefined ? {} : { reads: read.reads }),
  },
});

/** Once a window is over: how many times the reader read the same thing in it (2 or more). */
const tallyHistoryReads = (
  data: Extract<ReadRecordCommand, { type: 'TallyHistoryReads' }>['data'],
  state: ReadRecordState,
  context: DecisionContext,
): AuditEvent[] => {
  if (!Number.isSafeInteger(data.reads) || data.reads < 2) {
    throw validationError('reads', 'must be a whole number of at least 2');
  }
  if (state.tallied.has(coverKey(data.operation, data.query, data.window.from))) return [];
  return [readRecord(context, { ...data, resultCount: 0 })];
};

const decide = (
  command: ReadRecordCommand,
  state: ReadRecordState,
  context: DecisionContext,
): AuditEvent[] => {
  switch (command.type) {
    case 'RecordHistoryRead':
      return recordHistoryRead(command.data, state, context);
    case 'TallyHistoryReads':
      return tallyHistoryReads(command.data, state, context);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown read-record command ${(_exhaustive as { type: string }).type}`);
    }
  }
};

const evolve = (state: ReadRecordState, event: AuditEvent): ReadRecordState => {
  switch (event.type) {
    case 'AuditHistoryRead': {
      const { window, operation, query } = event.data;
      const reads = state.reads + 1;
      if (window && event.data.reads !== undefined && event.data.reads > 1) {
        const tallied = new Set(state.tallied).add(coverKey(operation, query, window.from));
        return { ...state, reads, tallied };
      }
      if (!window || window.from < state.window) return { ...state, reads };
      const key = coverKey(operation, query, window.from);
      const covered =
        window.from === state.window ? new Set(state.covered).add(key) : new Set([key]);
      return { ...state, reads, window: window.from, covered };
    }
    case 'TreeHeadSigned':
    case 'TreeHeadCosigned':
    case 'SigningKeyRotated':
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
  initialState: () => ({ reads: 0, window: '', covered: new Set(), tallied: new Set() }),
  evolve,
  decide,
};
