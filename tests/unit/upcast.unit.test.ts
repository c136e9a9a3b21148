import { toDomainEvent } from '../../contracts/events/upcast.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';

const stored = (type: string, version: number, data: Record<string, unknown>): StoredEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  version,
  data,
  metadata: {
    actor: { id: 'office', role: 'office' },
    correlationId: 'c',
    causationId: 'c',
    idempotencyKey: 'k',
    recordedAt: '2021-03-01T02:00:00.000Z',
  },
  recordedAt: '2021-03-01T02:00:00.000Z',
  position: 7,
  streamId: 'task-1',
  revision: 3,
});

const progressV1 = {
  taskId: 't1',
  milestoneId: 'm1',
  percent: 40,
  previousPercent: 20,
  note: null,
  reportedByUnitId: 'edu',
};

describe('a version-1 progress report read today', () => {
  it('is upcast to version 2 with no evidence', () => {
    expect(toDomainEvent(stored('MilestoneProgressReported', 1, progressV1))).toEqual({
      type: 'MilestoneProgressReported',
      data: { ...progressV1, evidence: [] },
    });
  });

  it('leaves the stored data as it was', () => {
    const event = stored('MilestoneProgressReported', 1, progressV1);
    toDomainEvent(event);
    expect(event.data).toEqual(progressV1);
  });
});

describe('an event at its current version', () => {
  it('is read as stored', () => {
    const evidence = [{ fileName: 'a.pdf', sha256: 'a'.repeat(64), size: 3 }];
    expect(
      toDomainEvent(stored('MilestoneProgressReported', 2, { ...progressV1, evidence })).data,
    ).toEqual({
      ...progressV1,
      evidence,
    });
    expect(toDomainEvent(stored('TaskSigned', 1, { taskId: 't1', unitId: 'edu' })).data).toEqual({
      taskId: 't1',
      unitId: 'edu',
    });
  });
});

describe('an event newer than this code', () => {
  it('is refused, naming its position', () => {
    expect(() => toDomainEvent(stored('TaskSigned', 2, {}))).toThrow(
      'TaskSigned v2 at 7: newer than this code (v1)',
    );
  });
});
