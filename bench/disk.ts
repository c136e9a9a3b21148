/**
 * `npm run bench:disk`: disk used per event by the embedded event store, the
 * figure behind its WAL checkpointing. Appends BENCH_EVENTS (default 20,000)
 * single-event commits, then prints the bytes of events.sqlite and its -wal per
 * event right after the last append, after a quiet moment, and after close.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { line, rate } from './stats.ts';

const count = Number(process.env.BENCH_EVENTS ?? 20_000);
const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

const event = (index: number) => {
  const recordedAt = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'ProgressReported',
    version: 1,
    data: { taskId: `task-${index % 1000}`, percent: index % 100, note: '按期推进，无堵点' },
    metadata: {
      actor: { id: 'bench-office', role: 'office' as const },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      idempotencyKey: randomUUID(),
      recordedAt,
    },
    recordedAt,
  };
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-disk-'));
const file = path.join(dir, 'events.sqlite');
const report = (moment: string) => {
  const db = size(file);
  const wal = size(`${file}-wal`);
  line(
    `after ${count} events, ${moment}`,
    `db ${db} B + wal ${wal} B = ${((db + wal) / count).toFixed(0)} B/event`,
  );
};
try {
  const store = openSqliteEventStore({ path: file });
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    await store.appendToStream(`task-${index % 1000}`, [event(index)], {
      expectedRevision: 'any',
    });
  }
  line('single-event appends', `${rate(count, performance.now() - started)} events/s`);
  report('at once');
  await sleep(3000);
  report('after 3 s idle');
  await store.close();
  report('after close');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
