/**
 * Every board's answer on a data folder, to compare two versions of the code:
 * the five boards (every page) and the overview, today and as known at the end
 * of each month of the year, one line per board and day, in canonical JSON
 * (RFC 8785: keys sorted). Run it on the same data with each version and
 * compare the files.
 *
 *   npm run --silent demo && node bench/board-answers.ts --data data/demo > after.jsonl
 *   node bench/board-answers.ts --data DIR --today 2021-12-31T10:00:00+08:00
 *
 * BOARDS_CACHED_DAYS and BOARDS_CACHED_DOCUMENTS are passed on.
 */
import { parseArgs } from 'node:util';
import type { Actor } from '../contracts/actor.ts';
import { canonicalJson } from '../domain/merkle/canonical-json.ts';
import { settableClock } from '../infra/clock/clock.ts';
import { loadConfig } from '../infra/config/config.ts';
import { createSystem } from '../system/system.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data/demo' },
    today: { type: 'string', default: '2021-12-31T10:00:00+08:00' },
  },
});
const leader: Actor = { id: 'leader-1', role: 'leader' };
const boards = [
  'responsibilityBoard',
  'stageBoard',
  'blockageBoard',
  'progressBoard',
  'resultsBoard',
];

const config = loadConfig({
  LOG_LEVEL: 'warn',
  DATA_DIR: values.data,
  SERVICES: 'tasks,directory,rules,projector,views,boards',
  // What the boards keep in memory may be bounded, to compare answers under a small bound.
  ...Object.fromEntries(
    ['BOARDS_CACHED_DAYS', 'BOARDS_CACHED_DOCUMENTS'].flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  ),
});
const system = createSystem(config, { clock: settableClock(values.today) });
await system.start();
const call = (action: string, params: Record<string, unknown>) =>
  system.broker.call(action, params, { meta: { actor: leader }, timeout: 600_000 });
try {
  const year = Number(values.today.slice(0, 4));
  const monthEnds = Array.from({ length: 12 }, (_, month) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return last.toISOString().slice(0, 10);
  }).filter((day) => day < values.today.slice(0, 10));
  for (const asOf of [...monthEnds, null]) {
    const day = asOf ? { asOf } : {};
    const overview = await call('boards.overview', { ...day, top: 50 });
    process.stdout.write(`${canonicalJson({ board: 'overview', asOf, answer: overview })}\n`);
    for (const board of boards) {
      const pages: unknown[] = [];
      for (let after: string | null = null; ; ) {
        const page = (await call(`boards.${board}`, { ...day, first: 200, after })) as {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
        pages.push(page);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      process.stdout.write(`${canonicalJson({ board, asOf, answer: pages })}\n`);
    }
  }
} finally {
  await system.stop();
}
