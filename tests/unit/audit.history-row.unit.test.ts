import type { StoredEvent } from '../../infra/event-store/port.ts';
import {
  businessDateOf,
  normaliseTimestamp,
  toHistoryRow,
} from '../../services/audit/history-index.ts';
import { historyWhere } from '../../services/audit/history-query.ts';

const event = (change: Partial<StoredEvent> = {}, businessDate?: string): StoredEvent => ({
  id: 'e-1',
  type: 'MilestoneProgressReported',
  version: 1,
  data: { percent: 60 },
  metadata: {
    actor: { id: 'head-edu', role: 'department_head', unitId: 'edu' },
    correlationId: 'c',
    causationId: 'c',
    idempotencyKey: 'k',
    recordedAt: '2021-03-01T20:00:00.000Z',
    ...(businessDate ? { businessDate } : {}),
  },
  recordedAt: '2021-03-01T20:00:00.000Z',
  position: 7,
  streamId: 'task-t1',
  revision: 3,
  ...change,
});

describe('the history row of an event', () => {
  it('carries who acted, for which unit, where and when', () => {
    expect(toHistoryRow(event())).toEqual({
      position: 7,
      streamId: 'task-t1',
      type: 'MilestoneProgressReported',
      actorId: 'head-edu',
      actorRole: 'department_head',
      unitId: 'edu',
      recordedAt: '2021-03-01T20:00:00.000Z',
      // 20:00 UTC is the next morning in China Standard Time.
      businessDate: '2021-03-02',
    });
  });

  it('takes the business date from the metadata where the event names one', () => {
    expect(businessDateOf(event({}, '2020-12-31'))).toBe('2020-12-31');
  });

  it('has no unit for an actor acting for none', () => {
    const office = event({
      metadata: { ...event().metadata, actor: { id: 'office-1', role: 'office' } },
    });
    expect(toHistoryRow(office).unitId).toBeNull();
  });

  it('stores timestamps in one form, so that text order is time order', () => {
    expect(normaliseTimestamp('2021-03-01T08:00:00Z')).toBe('2021-03-01T08:00:00.000Z');
    expect(normaliseTimestamp('2021-03-01T16:00:00+08:00')).toBe('2021-03-01T08:00:00.000Z');
    expect(toHistoryRow(event({ recordedAt: '2021-03-01T08:00Z' })).recordedAt).toBe(
      '2021-03-01T08:00:00.000Z',
    );
  });
});

describe('the history filter as SQL', () => {
  it('is true for no filter at all', () => {
    expect(historyWhere({})).toEqual({ sql: '1', params: [] });
    expect(historyWhere({ actorId: null, types: [] })).toEqual({ sql: '1', params: [] });
  });

  it('joins every filter given with AND, values as parameters', () => {
    expect(
      historyWhere({
        actorId: 'a',
        unitId: 'u',
        streamId: 's',
        recordedFrom: 'rf',
        recordedTo: 'rt',
        businessFrom: 'bf',
        businessTo: 'bt',
        types: ['T1', 'T2'],
      }),
    ).toEqual({
      sql: 'actor_id = ? AND unit_id = ? AND stream_id = ? AND recorded_at >= ? AND recorded_at <= ? AND business_date >= ? AND business_date <= ? AND type IN (?, ?)',
      params: ['a', 'u', 's', 'rf', 'rt', 'bf', 'bt', 'T1', 'T2'],
    });
  });
});
