import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLog, headOf, newEvent, units } from '../../bench/generate-log.ts';
import type { DomainEvent } from '../../contracts/events/index.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { allProjections } from '../../projections/index.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';

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

/**
 * A data folder holding a generated log of about `events` events (a year of
 * a few dozen tasks) and its read models rebuilt, as a system finds it.
 */
export const generatedDataDir = async (prefix: string, events: number): Promise<string> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
  await generateLog(eventStore, events);
  await rebuildReadModels({ eventStore, readModels, projections: allProjections });
  await readModels.close();
  await eventStore.close();
  return dir;
};
