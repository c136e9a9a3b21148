import fc from 'fast-check';
import { canonicalJson as serverCanonicalJson } from '../../domain/merkle/canonical-json.ts';
import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import { canonicalJson } from '../src/audit/canonical-json.ts';
import { leafOf, matchingStoredEvent } from '../src/audit/stored-event.ts';
import type { AuditEvent } from '../src/audit/types.ts';

const stored = {
  position: 7,
  streamId: 'task-t1',
  revision: 3,
  id: '0b7c0f5e-6f0e-4bde-9a57-8d1f1f0e0a01',
  type: 'MilestoneProgressReported',
  version: 1,
  data: {
    taskId: 't1',
    milestoneId: 'm1',
    percent: 60,
    previousPercent: 40,
    note: '已完成 60%',
    reportedByUnitId: 'edu',
  },
  metadata: {
    actor: {
      id: 'head-edu',
      role: 'department_head' as const,
      unitId: 'edu',
      name: '教育局负责人',
    },
    correlationId: 'c-1',
    causationId: 'c-1',
    idempotencyKey: 'k-1',
    recordedAt: '2021-06-01T02:00:00.000Z',
  },
  recordedAt: '2021-06-01T02:00:00.000Z',
};

/** The event as `auditHistory` shows it: metadata spread out, absent members as null. */
const asHistory = (event: typeof stored, businessDate = '2021-06-01'): AuditEvent => ({
  position: event.position,
  streamId: event.streamId,
  revision: event.revision,
  id: event.id,
  type: event.type,
  version: event.version,
  recordedAt: event.recordedAt,
  businessDate,
  actor: {
    ...event.metadata.actor,
    unitId: event.metadata.actor.unitId ?? null,
    name: event.metadata.actor.name ?? null,
  },
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  idempotencyKey: event.metadata.idempotencyKey,
  data: event.data,
  leafHash: eventLeafHash(event).toString('hex'),
});

describe("the browser's canonical JSON", () => {
  it('writes the same bytes as the server for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(serverCanonicalJson(value));
      }),
    );
  });
});

describe('an event from the audit history', () => {
  it("hashes to the server's leaf once its stored form is rebuilt", async () => {
    const rebuilt = await matchingStoredEvent(asHistory(stored));
    expect(rebuilt).toEqual(stored);
    expect(await leafOf(rebuilt!)).toBe(eventLeafHash(stored).toString('hex'));
  });

  it('hashes with the metadata as stored when the server sends it, whatever members it holds', async () => {
    const withCommand = { ...stored, metadata: { ...stored.metadata, command: 'ReportProgress' } };
    const history = { ...asHistory(withCommand), metadata: withCommand.metadata };
    const rebuilt = await matchingStoredEvent(history);
    expect(rebuilt?.metadata).toEqual(withCommand.metadata);
    expect(await matchingStoredEvent({ ...history, metadata: stored.metadata })).toBeNull();
  });

  it('keeps a business date its metadata really holds', async () => {
    const withDate = { ...stored, metadata: { ...stored.metadata, businessDate: '2021-05-31' } };
    const rebuilt = await matchingStoredEvent(asHistory(withDate, '2021-05-31'));
    expect(rebuilt?.metadata.businessDate).toBe('2021-05-31');
  });

  it('matches no stored form when its content was changed', async () => {
    const history = asHistory(stored);
    const altered = { ...history, data: { ...(history.data as object), percent: 90 } };
    expect(await matchingStoredEvent(altered)).toBeNull();
  });
});
