import { randomUUID } from 'node:crypto';
import type { Actor } from '../../contracts/actor.ts';
import type { TaskEvent } from '../../contracts/events/index.ts';
import { taskStreamId } from '../../contracts/streams.ts';
import type { EventStore, NewEvent } from '../../infra/event-store/port.ts';
import { chunkedReadModelStore } from '../../infra/read-model-store/chunked/chunked-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { chunkedCollections } from '../../infra/stores/stores.ts';
import { toEnvelope } from '../../projections/envelope.ts';
import { allProjections } from '../../projections/index.ts';
import { evolveTaskDetail } from '../../projections/task-detail/evolve.ts';
import type { TaskDetail } from '../../projections/task-detail/projection.ts';
import { createProjector } from '../../services/projector/projector.ts';
import { historyConnection, readStreamPage } from '../../services/views/history-page.ts';
import { taskPage } from '../../services/views/task-page.ts';

/** The task of the long history. */
export const longTaskId = 'long-task';

const office: Actor = { id: 'office-1', role: 'office' };
const head: Actor = { id: 'head-education', role: 'department_head', unitId: 'education' };
const liaison: Actor = { id: 'liaison-education', role: 'liaison', unitId: 'education' };

const taskId = longTaskId;
const opening: [TaskEvent, Actor][] = [
  [
    {
      type: 'TaskRegistered',
      data: {
        taskId,
        title: '全年督办',
        description: null,
        section: '教育',
        plannedStart: '2021-01-01',
        dueDate: '2021-12-31',
      },
    },
    office,
  ],
  [
    {
      type: 'TaskAssigned',
      data: { taskId, leadUnitId: 'education', cooperatingUnitIds: [], responsibleLeader: null },
    },
    office,
  ],
  [
    {
      type: 'MilestonePlanned',
      data: { taskId, milestoneId: 'm1', title: '选址', dueDate: '2021-12-31', weight: 100 },
    },
    office,
  ],
];

/**
 * Event `n` after the opening: a round of a report, an instruction, an urge
 * and its answer, and a liaison's draft; all but the report add a record the
 * task page keeps.
 */
const roundEvent = (n: number): [TaskEvent, Actor] => {
  const round = Math.floor(n / 5);
  const day = `2021-${String(3 + Math.floor(round / 1000)).padStart(2, '0')}-01`;
  switch (n % 5) {
    case 0:
      return [
        {
          type: 'MilestoneProgressReported',
          data: {
            taskId,
            milestoneId: 'm1',
            percent: 1 + (round % 90),
            previousPercent: round === 0 ? 0 : 1 + ((round - 1) % 90),
            note: `第${round}次报送`,
            reportedByUnitId: 'education',
            evidence: [],
          },
        },
        head,
      ];
    case 1:
      return [
        {
          type: 'LeadershipInstructionIssued',
          data: {
            taskId,
            instructionId: `i${round}`,
            text: `第${round}条批示：加快进度`,
            addressedToUnitIds: ['education'],
          },
        },
        { id: 'leader-1', role: 'leader' },
      ];
    case 2:
      return [
        {
          type: 'TaskUrged',
          data: {
            taskId,
            urgeId: `u${round}`,
            unitId: 'education',
            message: '请加快',
            replyBy: null,
            urgedOn: day,
          },
        },
        office,
      ];
    case 3:
      return [
        {
          type: 'TaskUrgeAnswered',
          data: {
            taskId,
            urgeId: `u${round}`,
            unitId: 'education',
            answer: '正在办理',
            answeredOn: day,
          },
        },
        head,
      ];
    default:
      return [
        {
          type: 'ProgressReportDrafted',
          data: {
            taskId,
            draftId: `d${round}`,
            milestoneId: 'm1',
            unitId: 'education',
            percent: 50,
            note: null,
            evidence: [],
            draftedBy: liaison.id,
          },
        },
        liaison,
      ];
  }
};

/** Event `index` of the long task's stream, from 0, recorded a minute after the one before. */
const newTaskEvent = (index: number): NewEvent => {
  const [event, actor] = index < opening.length ? opening[index]! : roundEvent(index - 3);
  const recordedAt = new Date(Date.UTC(2021, 2, 1, 0, index)).toISOString();
  const key = `long-${index}`;
  return {
    id: randomUUID(),
    type: event.type,
    version: 1,
    data: event.data,
    metadata: { actor, correlationId: key, causationId: key, idempotencyKey: key, recordedAt },
    recordedAt,
  };
};

/** Appends the long task's `events` events to the log, a thousand an append. */
export const appendLongTask = async (eventStore: EventStore, events: number): Promise<void> => {
  const streamId = taskStreamId(taskId);
  for (let from = 0; from < events; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, events - from) }, (_, i) =>
      newTaskEvent(from + i),
    );
    await eventStore.appendToStream(streamId, batch, {
      expectedRevision: from === 0 ? 'no_stream' : from - 1,
    });
  }
};

/** The task page folded in memory from the whole stream: what the store must give back. */
export const foldedLongTask = async (eventStore: EventStore): Promise<TaskDetail | null> => {
  let doc: TaskDetail | null = null;
  for (const event of await eventStore.readStream(taskStreamId(taskId))) {
    doc = evolveTaskDetail(doc, toEnvelope(event));
  }
  return doc;
};

/**
 * Projects the whole log through the projector, `batchSize` events a commit,
 * into `raw` as the system opens it (long lists in chunks); returns the store
 * as readers see it.
 */
export const projectLog = async (
  eventStore: EventStore,
  raw: ReadModelStore,
  batchSize = 2000,
): Promise<ReadModelStore> => {
  const readModels = chunkedReadModelStore(raw, chunkedCollections);
  const projector = createProjector({
    projectorId: 'main',
    eventStore,
    readModels,
    projections: allProjections,
    batchSize,
  });
  await projector.catchUp();
  return readModels;
};

/** Every collection the projector writes, with the chunks of long lists. */
export const projectedCollections = [
  ...new Set(allProjections.map((projection) => projection.collection)),
  ...Object.values(chunkedCollections),
];

/** The largest document as stored, serialized as JSON (UTF-8 bytes), with where it is. */
export const largestDocument = async (raw: ReadModelStore) => {
  let largest = { collection: '', id: '', bytes: 0 };
  for (const collection of projectedCollections) {
    for (const doc of (await raw.find<{ id?: unknown }>(collection)).items) {
      const bytes = Buffer.byteLength(JSON.stringify(doc));
      if (bytes > largest.bytes) largest = { collection, id: String(doc.id), bytes };
    }
  }
  return largest;
};

/** The task page as the API gives it, unit names unknown. */
export const longTaskPage = async (readModels: ReadModelStore) => {
  const task = await readModels.get<TaskDetail>('tasks', taskId);
  return task === null ? null : taskPage(task, async () => new Map());
};

/** The first and the last page of the long task's history, as the API gives them. */
export const longTaskHistoryEnds = async (eventStore: EventStore, size: number) => {
  const streamId = taskStreamId(taskId);
  const first = historyConnection(await readStreamPage(eventStore, streamId, { first: size }), 0);
  const last = historyConnection(await readStreamPage(eventStore, streamId, { last: size }), 0);
  return { first, last };
};
