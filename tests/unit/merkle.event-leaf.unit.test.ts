import { createHash } from 'node:crypto';
import { DomainError } from '../../contracts/errors.ts';
import { eventLeafBytes, eventLeafHash } from '../../domain/merkle/event-leaf.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';

const event: StoredEvent = {
  position: 42,
  streamId: 'task-7',
  revision: 3,
  id: '0b7e2f4e-1c1a-4c55-9d55-5f1f7d0c9a10',
  type: 'MilestoneProgressReported',
  version: 1,
  data: { taskId: '7', percent: 60, note: '已选址两处', milestoneId: 'm1' },
  metadata: {
    actor: { id: 'u-edu', role: 'department_head', unitId: 'edu', name: '教育局负责人' },
    correlationId: 'c-1',
    causationId: 'c-1',
    idempotencyKey: 'k-1',
    recordedAt: '2021-03-01T08:00:00.000Z',
  },
  recordedAt: '2021-03-01T08:00:00.000Z',
};

/** The leaf format, written out by hand: changing it would orphan every signed head. */
const expectedText =
  '{"data":{"milestoneId":"m1","note":"已选址两处","percent":60,"taskId":"7"},' +
  '"id":"0b7e2f4e-1c1a-4c55-9d55-5f1f7d0c9a10",' +
  '"metadata":{"actor":{"id":"u-edu","name":"教育局负责人","role":"department_head","unitId":"edu"},' +
  '"causationId":"c-1","correlationId":"c-1","idempotencyKey":"k-1",' +
  '"recordedAt":"2021-03-01T08:00:00.000Z"},' +
  '"position":42,"recordedAt":"2021-03-01T08:00:00.000Z","revision":3,' +
  '"streamId":"task-7","type":"MilestoneProgressReported","version":1}';

describe("an event's leaf bytes", () => {
  it('are the UTF-8 of the canonical JSON of its nine stored fields', () => {
    expect(eventLeafBytes(event).toString('utf8')).toBe(expectedText);
    expect(eventLeafBytes(event)).toEqual(Buffer.from(expectedText, 'utf8'));
  });

  it('ignore anything else an adapter attached to the object', () => {
    const decorated = { ...event, rowid: 99, cachedHash: 'x' } as StoredEvent;
    expect(eventLeafBytes(decorated)).toEqual(eventLeafBytes(event));
  });

  it('do not depend on the order the fields or data members were written in', () => {
    const reordered: StoredEvent = {
      recordedAt: event.recordedAt,
      metadata: { ...event.metadata },
      data: { milestoneId: 'm1', taskId: '7', note: '已选址两处', percent: 60 },
      version: 1,
      type: event.type,
      id: event.id,
      revision: 3,
      streamId: 'task-7',
      position: 42,
    };
    expect(eventLeafBytes(reordered)).toEqual(eventLeafBytes(event));
  });

  it('survive a round trip through JSON storage unchanged', () => {
    const stored = JSON.parse(JSON.stringify(event)) as StoredEvent;
    expect(eventLeafBytes(stored)).toEqual(eventLeafBytes(event));
  });

  it('refuse data JSON cannot carry, naming where it is', () => {
    const broken = { ...event, data: { ratio: Number.NaN } };
    expect(() => eventLeafBytes(broken)).toThrow(DomainError);
    expect(() => eventLeafBytes(broken)).toThrow('$.data.ratio');
  });
});

describe("an event's leaf hash", () => {
  it('is SHA-256 of 0x00 followed by its leaf bytes', () => {
    const expected = createHash('sha256')
      .update(Buffer.of(0))
      .update(Buffer.from(expectedText, 'utf8'))
      .digest('hex');
    expect(eventLeafHash(event).toString('hex')).toBe(expected);
  });

  it.each([
    ['position', { position: 43 }],
    ['streamId', { streamId: 'task-8' }],
    ['revision', { revision: 4 }],
    ['id', { id: '0b7e2f4e-1c1a-4c55-9d55-5f1f7d0c9a11' }],
    ['type', { type: 'MilestoneCompleted' }],
    ['version', { version: 2 }],
    ['data', { data: { ...(event.data as object), percent: 61 } }],
    ['metadata', { metadata: { ...event.metadata, causationId: 'c-2' } }],
    ['recordedAt', { recordedAt: '2021-03-01T08:00:00.001Z' }],
  ])('changes when %s changes', (_, change) => {
    const altered = { ...event, ...change } as StoredEvent;
    expect(eventLeafHash(altered).equals(eventLeafHash(event))).toBe(false);
  });
});
