import type { StoredEvent } from '../../infra/event-store/port.ts';
import { historyConnection } from '../../services/views/history-page.ts';

const event = (data: Record<string, unknown>, position: number): StoredEvent => ({
  id: `e-${position}`,
  type: 'MilestoneProgressReported',
  version: 2,
  data,
  metadata: {
    actor: { id: 'office-1', role: 'office' },
    correlationId: 'c',
    causationId: 'c',
    idempotencyKey: `k-${position}`,
    recordedAt: '2021-03-01T02:00:00.000Z',
  },
  recordedAt: '2021-03-01T02:00:00.000Z',
  position,
  streamId: 'task-t1',
  revision: position - 1,
});

describe('a task’s history', () => {
  it('names the unit’s source of a report the office recorded (代录), and none for the unit’s own', () => {
    const page = {
      events: [
        event({ percent: 30, reportedByUnitId: 'edu', proxySource: '联络员电话报送' }, 1),
        event({ percent: 40, reportedByUnitId: 'edu' }, 2),
      ],
      hasPreviousPage: false,
      hasNextPage: false,
    };
    const nodes = historyConnection(page, 0).edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.proxySource)).toEqual(['联络员电话报送', null]);
  });
});

describe('a task’s history page', () => {
  const page = (events: StoredEvent[]) => ({ events, hasPreviousPage: false, hasNextPage: false });

  it('hashes an event only when its leaf hash is read, from the event as read', () => {
    // Canonical JSON refuses a number that is not finite: hashing this event throws.
    const unhashable = event({ percent: Number.POSITIVE_INFINITY }, 1);
    const [node] = historyConnection(page([unhashable]), 0).edges.map((edge) => edge.node);
    expect(node?.position).toBe(1);
    expect(() => node?.leafHash).toThrow();
  });

  it('carries the leaf hash in the JSON an answer over the broker is sent as', () => {
    const nodes = historyConnection(page([event({ percent: 30 }, 1)]), 0).edges.map(
      (edge) => edge.node,
    );
    const sent = JSON.parse(JSON.stringify(nodes)) as { leafHash: string }[];
    expect(sent[0]?.leafHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sent[0]?.leafHash).toBe(nodes[0]?.leafHash);
  });
});
