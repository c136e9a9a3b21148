import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../../contracts/errors.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { StoreConfig } from '../../infra/stores/stores.ts';
import {
  type BoardsCompute,
  createBoardsCompute,
} from '../../services/boards/compute/boards-compute.ts';
import { boardsComputeInWorker, workerFailure } from '../../services/boards/compute/in-worker.ts';
import {
  overviewInput,
  progressBoardInput,
  stageBoardInput,
} from '../../services/boards/inputs.ts';
import { appendReport, generatedDataDir } from '../support/generated-log.ts';
import { threadNames } from '../support/threads.ts';

let dir: string;
let stores: StoreConfig;
const closing: BoardsCompute[] = [];
const opened = (past: BoardsCompute): BoardsCompute => {
  closing.push(past);
  return past;
};

beforeAll(async () => {
  dir = await generatedDataDir('dubanju-past-worker-', 3000);
  stores = { dataDir: dir, sqliteSynchronous: 'NORMAL' };
}, 60_000);

afterEach(async () => {
  for (const past of closing.splice(0)) await past.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same past read in this thread, on connections of its own. */
const inThread = () => {
  const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
  const past = createBoardsCompute({ eventStore, readModels });
  return opened({
    ...past,
    close: async () => {
      await readModels.close();
      await eventStore.close();
    },
  });
};

const inWorker = (memoryMb = 512) =>
  opened(boardsComputeInWorker({ stores, cachedDays: 2, memoryMb }));

const june = { day: '2021-06-30', today: false };
const today = { day: '2021-12-31', today: true };

describe('boards read and built in a worker thread', () => {
  it('answer the boards, the overview and the lights as the same reading in this thread', async () => {
    const worker = inWorker();
    const here = inThread();
    const stage = stageBoardInput.parse({ first: 20, asOf: '2021-06-30' });
    const overview = overviewInput.parse({ asOf: '2021-06-30' });
    const lights = await here.lights(['2021-03-31', '2021-05-31']);
    expect(lights.map((day) => day.day)).toEqual(['2021-03-31', '2021-05-31']);
    expect(await worker.lights(['2021-03-31', '2021-05-31'])).toEqual(lights);
    const board = await worker.board('stageBoard', stage, june);
    expect(board).toEqual(await here.board('stageBoard', stage, june));
    expect(board.nodes.length).toBe(20);
    expect(await worker.overview(overview, june, lights)).toEqual(
      await here.overview(overview, june, lights),
    );
  }, 60_000);

  it('keep a domain error’s code and field', async () => {
    const worker = inWorker();
    const stage = stageBoardInput.parse({ first: 5, after: 'bm90LWEtY3Vyc29y' });
    const refused = await worker.board('stageBoard', stage, june).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { field: 'after' } });
  }, 60_000);

  it('answer UNAVAILABLE when the worker dies, naming the memory setting when its heap was the cause', () => {
    const outOfMemory = Object.assign(new Error('heap'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(workerFailure(outOfMemory, 8)).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'the boards ran out of memory (BOARDS_WORKER_MEMORY_MB=8)',
    });
    expect(workerFailure(new Error('disk'), 8)).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'the boards failed: disk',
    });
  });

  it('answer UNAVAILABLE when the worker cannot start, then try a new one on the next call', async () => {
    // Stores the worker cannot open: its calls fail, none is left waiting.
    const broken = mkdtempSync(path.join(os.tmpdir(), 'dubanju-broken-'));
    writeFileSync(path.join(broken, 'events.sqlite'), 'not a database');
    try {
      const worker = opened(
        boardsComputeInWorker({
          stores: { dataDir: broken, sqliteSynchronous: 'NORMAL' },
          cachedDays: 2,
          memoryMb: 512,
        }),
      );
      const failed = await worker.lights(['2021-03-31']).catch((e) => e);
      expect(failed).toBeInstanceOf(DomainError);
      expect(failed).toMatchObject({ code: 'UNAVAILABLE' });
      expect(failed.message).toContain('the boards failed');
      await expect(worker.lights(['2021-03-31'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);

  it('close, and start again on the next call', async () => {
    const worker = inWorker();
    const first = await worker.lights(['2021-02-28']);
    await worker.close();
    expect(await worker.lights(['2021-02-28'])).toEqual(first);
  }, 60_000);

  it('end once idle for `idleMs`, not while called, and start again on the next call', async () => {
    const worker = opened(
      boardsComputeInWorker({
        stores,
        cachedDays: 2,
        memoryMb: 512,
        idleMs: 1_000,
        name: 'idle-past',
      }),
    );
    const first = await worker.lights(['2021-02-28']);
    // Called more often than it idles out: the same worker all along.
    for (let i = 0; i < 6; i++) {
      expect(threadNames()).toContain('idle-past');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await worker.lights(['2021-02-28']);
    }
    const gone = Date.now() + 10_000;
    while (threadNames().includes('idle-past') && Date.now() < gone) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(threadNames()).not.toContain('idle-past');
    expect(await worker.lights(['2021-02-28'])).toEqual(first);
    expect(threadNames()).toContain('idle-past');
  }, 60_000);

  it('answer a call made while an idle worker ends from a new one', async () => {
    const worker = opened(
      boardsComputeInWorker({ stores, cachedDays: 2, memoryMb: 512, idleMs: 1 }),
    );
    const first = await worker.lights(['2021-02-28']);
    for (let i = 0; i < 5; i++) {
      // The last worker is ending (its stores closing) when the next call comes.
      await new Promise((resolve) => setTimeout(resolve, 2 + i));
      expect(await worker.lights(['2021-02-28'])).toEqual(first);
    }
  }, 60_000);

  it('build today’s boards from the documents they follow to the end of the log', async () => {
    const worker = inWorker();
    const here = inThread();
    const query = progressBoardInput.parse({ first: 10 });
    // Warmed first, as the service does at start: the boards then read on from there.
    await worker.warm(today.day);
    const before = await worker.board('progressBoard', query, today);
    expect(before).toEqual(await here.board('progressBoard', query, today));
    const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    await appendReport(eventStore, '2021-12-31T02:00:00.000Z');
    const end = await eventStore.lastPosition();
    await eventStore.close();
    const after = await worker.board('progressBoard', query, today);
    expect(after.position).toBe(end);
    expect(before.position).toBeLessThan(end);
  }, 60_000);
});

/** The nice value of each thread of this process (Linux), by thread id. */
const threadNices = (): Map<number, number> => {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: state is the 3rd field, nice the 19th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nices.set(Number(tid), Number(fields[16]));
  }
  return nices;
};

describe('a worker of work no request waits for', () => {
  it('runs at the lowest CPU priority, the other threads as they were', async () => {
    const before = threadNices();
    const background = opened(
      boardsComputeInWorker({ stores, cachedDays: 1, memoryMb: 256, background: true }),
    );
    await background.lights([]);
    const lowered = [...threadNices()].filter(([tid, nice]) => nice === 19 && !before.has(tid));
    expect(lowered).toHaveLength(1);
    expect(threadNices().get(process.pid)).toBe(before.get(process.pid));
    // A worker answering requests keeps the priority of the process.
    const serving = opened(boardsComputeInWorker({ stores, cachedDays: 1, memoryMb: 256 }));
    await serving.lights([]);
    expect([...threadNices()].filter(([, nice]) => nice === 19)).toHaveLength(1);
  }, 60_000);
});
