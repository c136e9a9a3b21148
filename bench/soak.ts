/**
 * Soak: the server under a steady mixed load for minutes, as a district's
 * working day would load it. The server runs as its own process (`main.ts`, on
 * embedded stores) on a generated log (SOAK_EVENTS, default 20,000; its read
 * models rebuilt as `npm run rebuild` leaves them, past days' overviews kept)
 * or a data folder (`--data DIR`); this process sends SOAK_RATE requests a
 * second (default 200) for SOAK_MINUTES (default 10), open loop (each at its
 * time, whether the earlier ones are answered or not), spread over 80 users so
 * the per-user rate limit stays as deployed: 25% task pages (with their newest
 * history), 15% task lists, 30% the six boards in turn, 30% indicator values
 * reported; with SOAK_PAST_EVERY=N, every Nth request instead asks one of the
 * six boards of a past day (`asOf`), a new day each minute (its first board
 * reads and judges that day's documents; the next hit the past days' cache). Prints, per minute: requests, p50/p99, refusals (503 OVERLOADED),
 * errors, the server's RSS, the p99 of each part of the mix, the CPU time the
 * server used, how long its event loop was held up at most (its /healthz) and
 * how long this process's own was (an answer it reads late is timed late);
 * then the RSS after a minute idle. The server warms up first as
 * a production node does (WARM_UP_REQUESTS, 600 unless set).
 *
 *   npm run bench:soak
 *   SOAK_MINUTES=1 SOAK_RATE=100 npm run bench:soak
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dayOf } from '../contracts/dates.ts';
import { signToken } from '../infra/auth/tokens.ts';
import { loadConfig } from '../infra/config/config.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import type { LoopDelay } from '../infra/probes/loop-delay.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { allProjections } from '../projections/index.ts';
import { keepPastDays } from '../services/boards/compute/keep-past-days.ts';
import { rebuildReadModels } from '../services/projector/rebuild.ts';
import { workdayQueries } from '../system/warm-up/requests.ts';
import { freePort } from '../tests/support/nats-server.ts';
import { generateLog, units } from './generate-log.ts';
import { serverClock, spawnServer } from './server-process.ts';
import { line, percentile } from './stats.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const perSecond = Number(process.env.SOAK_RATE ?? 200);
const pastEvery = Number(process.env.SOAK_PAST_EVERY ?? 0);
const { values } = parseArgs({ options: { data: { type: 'string' } } });
const work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-soak-'));
const dir = values.data ? path.resolve(values.data) : work;

const prepare = async () => {
  const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
  try {
    if ((await eventStore.lastPosition()) > 0) return;
    const log = await generateLog(eventStore, Number(process.env.SOAK_EVENTS ?? 20_000));
    await rebuildReadModels({ eventStore, readModels, projections: allProjections });
    // As `npm run rebuild` leaves them: the past days the server keeps ahead, kept.
    const keptDays = loadConfig(process.env).boardsKeptDays;
    const today = dayOf(serverClock);
    const past = await keepPastDays({ eventStore, readModels, today, keptDays });
    line('generated log', `${log.events} events, ${log.tasks} tasks, ${past} past days kept`);
  } finally {
    await readModels.close();
    await eventStore.close();
  }
};

/** The CPU time the process has used, in seconds (user and system; Linux clock ticks of 10 ms). */
const cpuOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * The server's own event-loop delay, as its /healthz says (windows of 10 s):
 * polled every 5 s, the longest delay of the windows that ended since `take`
 * was last called and of the one under way.
 */
const watchServerLoop = (port: number) => {
  const seen = new Set<number>();
  let longest = 0;
  const poll = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      const { eventLoopDelay } = (await response.json()) as { eventLoopDelay?: LoopDelay };
      if (!eventLoopDelay) return;
      const last = eventLoopDelay.lastWindow;
      if (last && !seen.has(last.number)) {
        seen.add(last.number);
        longest = Math.max(longest, last.maxMs);
      }
      longest = Math.max(longest, eventLoopDelay.thisWindowMaxMs);
    } catch {
      // A probe that fails is counted by the requests themselves.
    }
  };
  const timer = setInterval(() => void poll(), 5000);
  return {
    async take() {
      await poll();
      const taken = longest;
      longest = 0;
      return taken;
    },
    stop: () => clearInterval(timer),
  };
};

const rssOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};

const startServer = async (port: number, secret: string): Promise<ChildProcess> => {
  // Warmed up as a production node is, unless WARM_UP_REQUESTS says otherwise.
  const server = spawnServer(dir, port, secret, { WARM_UP_REQUESTS: '600' });
  const url = `http://127.0.0.1:${port}/readyz`;
  for (let tries = 0; tries < 600; tries++) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server was not ready in 2 minutes');
};

const { taskPage, taskList, boards, reportValue } = workdayQueries;

/** The six boards of a past day, as a leader reading the boards as of a date asks them. */
const pastBoards = [
  'overview(asOf: $asOf) { totals { green yellow red } ranking { unitId score } }',
  'responsibilityBoard(asOf: $asOf, first: 50) { totalCount nodes { unitId score rank } }',
  'stageBoard(asOf: $asOf, first: 50) { totalCount nodes { id state } }',
  'blockageBoard(asOf: $asOf, first: 50) { totalCount nodes { id ageDays } }',
  'progressBoard(asOf: $asOf, first: 50) { totalCount nodes { taskId light } }',
  'resultsBoard(asOf: $asOf, first: 50) { totalCount nodes { id attainment } }',
].map((board) => `query($asOf: Date) { ${board} }`);

/** The past day asked in minute `m`: a month or more back, a different one each minute of ten. */
const pastDayOf = (m: number): string =>
  dayOf(new Date(Date.parse(serverClock) - ((m % 10) + 1) * 31 * 86_400_000).toISOString());

type Outcome = 'ok' | 'refused' | 'error';
/** The parts of the mix, as each minute's p99 is told apart by. */
type Part = 'pages' | 'lists' | 'boards' | 'past' | 'writes';
type Minute = {
  latencies: number[];
  byPart: Record<Part, number[]>;
  outcomes: Record<Outcome, number>;
  errors: Map<string, number>;
};
const newMinute = (): Minute => ({
  latencies: [],
  byPart: { pages: [], lists: [], boards: [], past: [], writes: [] },
  outcomes: { ok: 0, refused: 0, error: 0 },
  errors: new Map(),
});
const partOf = (kind: number, past: boolean): Part =>
  past ? 'past' : kind < 5 ? 'pages' : kind < 8 ? 'lists' : kind < 14 ? 'boards' : 'writes';

try {
  await prepare();
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const startedAt = performance.now();
  const server = await startServer(port, secret);
  line(
    'server ready (/readyz)',
    `${((performance.now() - startedAt) / 1000).toFixed(1)} s, ` +
      `WARM_UP_REQUESTS=${process.env.WARM_UP_REQUESTS ?? '600'}`,
  );
  const pid = server.pid as number;
  try {
    const users = await Promise.all(
      Array.from({ length: 40 }, async (_, k) => ({
        leader: await signToken(secret, { sub: `leader-${k}`, role: 'leader' }),
        office: await signToken(secret, { sub: `office-${k}`, role: 'office' }),
      })),
    );
    const counted = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${users[0]?.leader}` },
      body: JSON.stringify({ query: '{ tasks(first: 1) { totalCount } }' }),
    });
    const taskCount = ((await counted.json()) as { data: { tasks: { totalCount: number } } }).data
      .tasks.totalCount;

    const send = async (i: number, m: number, minute: Minute) => {
      const user = users[i % users.length] as { leader: string; office: string };
      const kind = i % 20;
      const past = pastEvery > 0 && i % pastEvery === 0;
      const taskId = `task-${(i * 7919) % taskCount}`;
      const [token, query, variables] = past
        ? [
            user.leader,
            pastBoards[(i / pastEvery) % pastBoards.length] as string,
            { asOf: pastDayOf(m) },
          ]
        : kind < 5
          ? [user.leader, taskPage, { id: taskId }]
          : kind < 8
            ? [user.leader, taskList, { unit: i % 3 === 0 ? null : units[i % units.length] }]
            : kind < 14
              ? [user.leader, boards[i % boards.length] as string, {}]
              : [
                  user.office,
                  reportValue,
                  {
                    input: { taskId, indicatorId: 'i1', value: 80 + (i % 20), asOf: '2021-12-31' },
                  },
                ];
      const started = performance.now();
      let outcome: Outcome = 'ok';
      let code = '';
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        code = body.errors?.[0]?.extensions?.code ?? (response.ok ? '' : `HTTP ${response.status}`);
        if (code === 'OVERLOADED') outcome = 'refused';
        else if (code) outcome = 'error';
      } catch (error) {
        outcome = 'error';
        code = error instanceof Error ? error.message : String(error);
      }
      const took = performance.now() - started;
      minute.latencies.push(took);
      minute.byPart[partOf(kind, past)].push(took);
      minute.outcomes[outcome] += 1;
      if (outcome === 'error') minute.errors.set(code, (minute.errors.get(code) ?? 0) + 1);
    };

    /** Prints a minute's figures once its last request is answered (the next minute runs meanwhile). */
    const report = async (
      m: number,
      minute: Minute,
      pending: Promise<void>[],
      rss: number,
      loopMax: number,
      server: { cpu: number; loopMax: number },
    ) => {
      await Promise.all(pending);
      minute.latencies.sort((a, b) => a - b);
      const errors = [...minute.errors].map(([code, count]) => `${code} ×${count}`).join(', ');
      const parts = Object.entries(minute.byPart).map(([part, latencies]) => {
        latencies.sort((a, b) => a - b);
        return `${part} ${percentile(latencies, 99).toFixed(0)}`;
      });
      line(
        `minute ${m + 1}`,
        `${minute.latencies.length} requests, p50 ${percentile(minute.latencies, 50).toFixed(0)} ms, ` +
          `p99 ${percentile(minute.latencies, 99).toFixed(0)} ms, refused ${minute.outcomes.refused}, ` +
          `errors ${minute.outcomes.error}${errors ? ` (${errors})` : ''}, server RSS ${rss.toFixed(0)} MB; ` +
          `p99 of ${parts.join(', ')} ms; server CPU ${server.cpu.toFixed(1)} s, its loop delayed ` +
          `${server.loopMax.toFixed(0)} ms at most; this process's loop ${loopMax.toFixed(0)} ms at most`,
      );
    };
    // This process's own waits, told apart from the server's: an answer read late is timed late.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const serverLoop = watchServerLoop(port);
    let cpuBefore = cpuOf(pid);
    const opened = performance.now();
    let printed = Promise.resolve();
    for (let m = 0; m < minutes; m++) {
      const minute = newMinute();
      const pending: Promise<void>[] = [];
      for (let k = 0; k < perSecond * 60; k++) {
        const i = m * perSecond * 60 + k;
        const wait = opened + (i * 1000) / perSecond - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        pending.push(send(i, m, minute));
      }
      const rss = rssOf(pid);
      const loopMax = loop.max / 1e6;
      loop.reset();
      const cpuNow = cpuOf(pid);
      const server = { cpu: cpuNow - cpuBefore, loopMax: await serverLoop.take() };
      cpuBefore = cpuNow;
      printed = printed.then(() => report(m, minute, pending, rss, loopMax, server));
    }
    await printed;
    serverLoop.stop();
    loop.disable();
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    line('server RSS after a minute idle', `${rssOf(pid).toFixed(0)} MB`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
} finally {
  if (!values.data) rmSync(work, { recursive: true, force: true });
}
