import { randomUUID } from 'node:crypto';
import { headOf, newEvent, units } from '../../bench/generate-log.ts';
import type { DomainEvent } from '../../contracts/events/index.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import type { EventStore } from '../../infra/event-store/port.ts';

/**
 * Appends to a generated log a report completing task-0's last milestone,
 * recorded at `recordedAt` (which may be earlier than the log's last event:
 * a late event).
 */
export const appendReport = async (eventStore: EventStore, recordedAt: string): Promise<void> => {
  const head = headOf(units[0] as string);
  const report = {
    type: 'MilestoneProgressReported',
    data: {
      taskId: 'task-0',
      milestoneId: 'm4',
      percent: 100,
      previousPercent: 0,
      note: '补报',
      reportedByUnitId: head.unitId ?? null,
      evidence: [],
    },
  } as DomainEvent;
  await eventStore.appendToStream(
    taskStreamId('task-0'),
    [newEvent(report, head, recordedAt, randomUUID())],
    { expectedRevision: 'any' },
  );
};
