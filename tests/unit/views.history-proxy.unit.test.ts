import { eventLeafHash } from '../../domain/merkle/event-leaf.ts';
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

  it('computes an event’s leaf hash when it is read, and sends it over the bus', () => {
    const stored = event({ percent: 30, reportedByUnitId: 'edu' }, 7);
    const page = { events: [stored], hasPreviousPage: false, hasNextPage: false };
    const [node] = historyConnection(page, 0).edges.map((edge) => edge.node);
    // Not computed for a query that does not select it.
    expect(Object.getOwnPropertyDescriptor(node, 'leafHash')?.get).toBeInstanceOf(Function);
    const hash = eventLeafHash(stored).toString('hex');
    expect(node?.leafHash).toBe(hash);
    expect(JSON.parse(JSON.stringify(node)).leafHash).toBe(hash);
  });
});
