import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { chunkEntries } from '../../infra/read-model-store/chunked/list-chunks.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { tempDir } from '../support/int-fixtures.ts';
import {
  appendLongTask,
  foldedLongTask,
  largestDocument,
  longTaskHistoryEnds,
  longTaskPage,
  projectLog,
} from '../support/long-task.ts';

/*
 * One task with 50,000 events (a report, an instruction, an urge and its answer
 * and a draft, over and over) projected through the projector. 1 MB bounds every
 * document: a chunk of a hundred entries of about half a kilobyte is some 50 KB
 * and the task's own document keeps at most 16 entries of each list, so 1 MB is
 * far above what either holds, and far below MongoDB's 16 MB; the page unsplit
 * is about 6 MB.
 */

const events = 50_000;
const bound = 1024 * 1024;

const temp = tempDir('long-task');
afterAll(() => temp.remove());

describe('a task with 50,000 events', () => {
  const eventStore = openSqliteEventStore({ path: temp.file('events.db') });
  const raw = openEmbeddedReadModelStore({ path: temp.file('read-models.db') });
  afterAll(async () => {
    await raw.close();
    await eventStore.close();
  });

  beforeAll(async () => {
    await appendLongTask(eventStore, events);
  }, 60_000);

  it('is projected with no document over 1 MB, and its page is the page folded from its events', async () => {
    const readModels = await projectLog(eventStore, raw);
    const largest = await largestDocument(raw);
    expect(largest.bytes).toBeLessThan(bound);
    const folded = await foldedLongTask(eventStore);
    const task = await readModels.get('tasks', 'long-task');
    expect(task).toEqual(folded);
    expect(Buffer.byteLength(JSON.stringify(folded))).toBeGreaterThan(bound);
    // The task's own document keeps the long lists in place as their lengths.
    const stored = await raw.get<Record<string, unknown>>('tasks', 'long-task');
    expect(stored).toMatchObject({ instructions: 10_000, urges: 9999, drafts: 9999 });
    const chunks = await raw.find('task_chunks');
    expect(chunks.total).toBe(3 * Math.ceil(10_000 / chunkEntries));
  }, 120_000);

  it('answers its page with every record, the last one included', async () => {
    const page = await longTaskPage(await projectLog(eventStore, raw));
    expect(page?.instructions).toHaveLength(10_000);
    expect(page?.instructions.at(-1)).toMatchObject({
      id: 'i9999',
      text: '第9999条批示：加快进度',
    });
    expect(page?.urges?.at(-1)).toMatchObject({ urgeId: 'u9998', answer: '正在办理' });
    expect(page?.drafts?.[0]).toMatchObject({ draftId: 'd0', status: 'pending' });
    expect(page?.revision).toBe(events - 1);
  });

  it('answers the first and the last page of its history', async () => {
    const { first, last } = await longTaskHistoryEnds(eventStore, 100);
    expect(first.edges.map((edge) => edge.node.revision)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(first.edges[0]?.node.type).toBe('TaskRegistered');
    expect(last.edges.map((edge) => edge.node.revision)).toEqual(
      Array.from({ length: 100 }, (_, i) => events - 100 + i),
    );
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });
});

describe('a task with long lists, rebuilt from its log', () => {
  const dataDir = path.join(temp.dir, 'data');
  mkdirSync(dataDir);
  const rebuild = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/rebuild.ts', '--data', dataDir, ...args], {
      encoding: 'utf8',
    });
  const openData = () => ({
    eventStore: openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') }),
    raw: openEmbeddedReadModelStore({ path: path.join(dataDir, 'read-models.sqlite') }),
  });

  beforeAll(async () => {
    // 2,000 events: 400 of each kept record, four chunks of each list, projected 150 at a time.
    const { eventStore, raw } = openData();
    await appendLongTask(eventStore, 2000);
    await projectLog(eventStore, raw, 150);
    await raw.close();
    await eventStore.close();
  }, 60_000);

  it('is confirmed, chunks included, by npm run rebuild -- --verify', () => {
    const result = rebuild('--verify');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^identical: \d+ documents in \d+ collections$/m);
  });

  it('is the same page after npm run rebuild in place', async () => {
    expect(rebuild().status).toBe(0);
    const { eventStore, raw } = openData();
    const page = await longTaskPage(await projectLog(eventStore, raw));
    expect(page).toMatchObject({ revision: 1999 });
    expect(page?.drafts).toHaveLength(399);
    expect((await raw.find('task_chunks')).total).toBe(12);
    await raw.close();
    await eventStore.close();
  });
});
