/**
 * What today's boards cost after each write at a larger scale than the log at
 * hand, in one thread: the board documents of a data folder (a log kept by
 * `bench:boards -- --keep DIR`, read models current) loaded as the boards'
 * worker loads them, every task with its milestones, blockages and indicators
 * copied BENCH_SCALE times (default 10: the generated 1,000,000-event log's
 * 8,768 tasks become 87,680, about the 10,000,000-event log's), then
 * BENCH_ROUNDS (default 40) writes, each one task document replaced by a new
 * version, each followed by the view and every board and the overview built
 * as a read after the write would: p50/p99 of each, and of the whole round.
 * The first three rounds (every task judged) are left out of the figures.
 * Boards are asked as the service asks them with no arguments (its defaults).
 *
 *   node --max-old-space-size=8192 bench/boards-scale.ts --data DIR
 *   BENCH_SCALE=1 node bench/boards-scale.ts --data DIR
 *   BENCH_KIND=cppcc_proposal npm run bench:boards-scale -- --data DIR   # a board of one kind too
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { BoardTask } from '../projections/boards/index.ts';
import { boardInputOf, type Snapshot } from '../services/boards/as-of/snapshot.ts';
import { boardView } from '../services/boards/build/board-view.ts';
import type { BoardDocuments, PartsByTask } from '../services/boards/build/input.ts';
import { buildOverview } from '../services/boards/build/overview.ts';
import { boardBuilders } from '../services/boards/compute/boards-compute.ts';
import {
  blockageBoardInput,
  overviewInput,
  progressBoardInput,
  responsibilityBoardInput,
  resultsBoardInput,
  stageBoardInput,
} from '../services/boards/inputs.ts';
import { createBoardMemory } from '../services/boards/memory/board-memory.ts';
import { latencies, line } from './stats.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
if (!values.data) throw new Error('--data DIR: a data folder kept by bench:boards -- --keep DIR');
const scale = Number(process.env.BENCH_SCALE ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const warmRounds = 3;

const eventStore = openSqliteEventStore({ path: `${values.data}/events.sqlite` });
const readModels = openEmbeddedReadModelStore({ path: `${values.data}/read-models.sqlite` });
const loaded = await createBoardMemory({ eventStore, readModels }).latest();
await Promise.all([eventStore.close(), readModels.close()]);

type Doc = { id: string };
type Part = Doc & { taskId: string };
const copyOf = (id: string, k: number) => (k === 0 ? id : `${id}~${k}`);

/** `docs` and BENCH_SCALE - 1 copies of each, under new ids (parts moved to their task's copy). */
const copied = <T extends Doc>(docs: readonly T[], part: boolean): T[] =>
  Array.from({ length: scale }, (_, k) =>
    docs.map((doc) =>
      k === 0
        ? doc
        : {
            ...doc,
            id: copyOf(doc.id, k),
            ...(part ? { taskId: copyOf((doc as unknown as Part).taskId, k) } : {}),
          },
    ),
  ).flat();

const byId = (a: Doc, b: Doc) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const grouped = <T extends Part>(parts: readonly T[]): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const doc of [...parts].sort(byId)) {
    groups.set(doc.taskId, [...(groups.get(doc.taskId) ?? []), doc]);
  }
  return groups;
};

const { docs } = loaded;
const milestones = copied(docs.milestones, true);
const blockages = copied(docs.blockages, true);
const indicators = copied(docs.indicators, true);
const byTask: PartsByTask = {
  milestones: grouped(milestones),
  blockages: grouped(blockages),
  indicators: grouped(indicators),
};
const day = process.env.BENCH_DAY ?? '2021-12-31';
const snapshotWith = (tasks: readonly BoardTask[], position: number): Snapshot => ({
  ...loaded,
  position,
  docs: { ...docs, tasks, milestones, blockages, indicators, byTask } satisfies BoardDocuments,
});

let tasks: readonly BoardTask[] = copied(docs.tasks, false);
line('tasks, milestones (copies included)', `${tasks.length}, ${milestones.length}`);

/** Each board with its query as the service parses an empty one. */
const boards: [string, unknown][] = [
  ['responsibilityBoard', responsibilityBoardInput.parse({})],
  ['stageBoard', stageBoardInput.parse({})],
  ['blockageBoard', blockageBoardInput.parse({})],
  ['progressBoard', progressBoardInput.parse({})],
  ['resultsBoard', resultsBoardInput.parse({})],
];
// A board of one kind between the others, as a user filtering on a kind asks it.
const kind = process.env.BENCH_KIND;
if (kind) {
  boards.push([`responsibilityBoard of kind ${kind}`, responsibilityBoardInput.parse({ kind })]);
}
const samples = new Map<string, number[]>(
  ['view', 'overview', ...boards.map(([name]) => name), 'the round'].map((name) => [name, []]),
);
for (let round = 0; round < warmRounds + rounds; round++) {
  if (round > 0) {
    // One write: a task's document replaced by a new version (spread over the tasks).
    const at = (round * 7919) % tasks.length;
    const next = tasks.slice();
    const task = next[at] as BoardTask;
    next[at] = { ...task, position: loaded.position + round };
    tasks = next;
  }
  const input = boardInputOf(day, snapshotWith(tasks, loaded.position + round));
  const started = performance.now();
  let mark = started;
  const took = (name: string) => {
    const now = performance.now();
    if (round >= warmRounds) samples.get(name)?.push(now - mark);
    mark = now;
  };
  boardView(input);
  took('view');
  buildOverview(input, [], overviewInput.parse({}));
  took('overview');
  for (const [name, query] of boards) {
    const builder = name.startsWith('responsibilityBoard') ? 'responsibilityBoard' : name;
    (boardBuilders[builder as keyof typeof boardBuilders] as (i: unknown, q: unknown) => unknown)(
      input,
      query,
    );
    took(name);
  }
  if (round >= warmRounds) samples.get('the round')?.push(performance.now() - started);
}
for (const [name, taken] of samples) line(`${name}, after one write`, latencies(taken));
