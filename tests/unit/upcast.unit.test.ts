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

describe('a version-1 acceptance (办结) read today', () => {
  it('is upcast to version 2 with the day it was recorded on, China Standard Time', () => {
    const accepted = stored('TaskCompletionAccepted', 1, { taskId: 't1', comment: null });
    expect(toDomainEvent({ ...accepted, recordedAt: '2021-06-30T17:00:00.000Z' }).data).toEqual({
      taskId: 't1',
      comment: null,
      acceptedOn: '2021-07-01',
    });
  });

  it('takes the business date its metadata names, where it does', () => {
    const accepted = stored('TaskCompletionAccepted', 1, { taskId: 't1', comment: 'ok' });
    const dated = { ...accepted, metadata: { ...accepted.metadata, businessDate: '2021-02-26' } };
    expect(toDomainEvent(dated).data).toEqual({
      taskId: 't1',
      comment: 'ok',
      acceptedOn: '2021-02-26',
    });
  });
});

describe('a version-1 ruleset read today', () => {
  const v1 = {
    version: 1,
    inForceFrom: '2021-01-01',
    lights: { yellowBehindPoints: 10, redBehindPoints: 30, yellowDueWithinDays: 3 },
    reminderLeadDays: 3,
    escalation: { toResponsibleLeaderAfterDays: 3, toMainLeaderAfterDays: 7 },
    scoring: {
      leadUnitFailedTask: -5,
      cooperatingUnitFailedTask: -3,
      pingPongPerUnit: -1,
      accountabilityDeductionCap: null,
    },
    note: null,
  };

  it('reads the default bonus bounds (加分): one award 5 points, 5 a year', () => {
    expect(toDomainEvent(stored('RulesetPublished', 1, v1)).data).toEqual({
      ...v1,
      scoring: { ...v1.scoring, bonusPerAwardMax: 5, bonusCapPerPeriod: 5 },
    });
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
