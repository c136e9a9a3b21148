/**
 * Notifications through the outbox, end to end on the embedded stores: facts
 * appended (催办, each notifying a unit's contact and head by e-mail), queued by
 * the follower, sent over SMTP (pooled connections) to a real SMTP server
 * (`smtp-server`) in this process, their delivery recorded in the log.
 *
 *   1. burst: BURST urges appended as fast as the command handler takes them;
 *      notifications delivered per second, from the first append to the last
 *      message the SMTP peer accepted;
 *   2. steady: RATE urges a second for SECONDS; the delay of each notification
 *      from its fact's recording to the peer's acceptance, p50 and p99.
 *
 *   npm run bench:notify [-- --burst 1000 --rate 20 --seconds 10 --concurrency 8]
 */
import { parseArgs } from 'node:util';
import type { QueuedNotification } from '../domain/notifications/queue-row.ts';
import { brokerCalls, office } from '../tests/support/broker-calls.ts';
import { startSmtpPeer } from '../tests/support/smtp-peer.ts';
import { startTestSystem, type TestSystem } from '../tests/support/test-system.ts';
import { latencies, line, rate, runAtRate } from './stats.ts';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
  },
});
const burst = Number(values.burst);
const perSecond = Number(values.rate);
const seconds = Number(values.seconds);

const peer = await startSmtpPeer();
/** When the peer accepted each notification, by id. */
const acceptedAt = new Map<string, number>();
let duplicates = 0;
const watch = setInterval(() => {
  for (const mail of peer.received.splice(0)) {
    const id = /^<([^@]+)@/.exec(mail.messageId ?? '')?.[1];
    if (id && !acceptedAt.has(id)) acceptedAt.set(id, Date.now());
    else duplicates++;
  }
}, 1);

let sys: TestSystem | null = null;
try {
  sys = await startTestSystem({
    SERVICES: 'tasks,directory,rules,views,projector,notifications',
    NOTIFY_SMTP_URL: `${peer.url()}/?pool=true&maxConnections=${values.concurrency}`,
    NOTIFY_QUIET_HOURS: 'none',
    NOTIFY_SENDER_CONCURRENCY: String(values.concurrency),
    LOG_LEVEL: 'error',
  });
  const running = sys;
  const { call } = brokerCalls(() => running);
  await call('directory.registerUnit', { id: 'edu', name: '区教育局' }, office);
  for (const [id, post] of [
    ['li', 'contact'],
    ['wang', 'unit_head'],
  ] as const) {
    await call('directory.registerOfficial', { id, name: id, title: '干部' }, office);
    await call(
      'directory.assignPost',
      { officialId: id, unitId: 'edu', post, from: '2020-01-01' },
      office,
    );
    await call(
      'directory.changeOfficialContacts',
      { officialId: id, email: `${id}@edu.example.gov.cn`, mobile: null, channels: ['email'] },
      office,
    );
  }
  const { id: taskId } = await call<{ id: string }>(
    'tasks.registerTask',
    { title: '压测事项', plannedStart: '2020-01-01', dueDate: '2099-12-31' },
    office,
  );
  await call('tasks.assignTask', { taskId, leadUnitId: 'edu', cooperatingUnitIds: [] }, office);
  const urge = (message: string) => call('tasks.urgeTask', { taskId, message }, office);
  const delivered = async (count: number) => {
    while (acceptedAt.size < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  await delivered(2);

  // 1. Burst.
  const before = acceptedAt.size;
  const started = performance.now();
  for (let i = 0; i < burst; i++) await urge(`burst ${i}`);
  const appended = performance.now() - started;
  await delivered(before + 2 * burst);
  const total = performance.now() - started;
  line(
    `burst: ${burst} urges appended (${2 * burst} notifications)`,
    `${rate(burst, appended)} facts/s`,
  );
  line(
    'burst: notifications delivered per second through the outbox',
    `${rate(2 * burst, total)} /s`,
  );

  // 2. Steady rate.
  const from = acceptedAt.size;
  const steadyStart = new Date().toISOString();
  await runAtRate(seconds * 1000, perSecond, 16, async (i) => {
    await urge(`steady ${i}`);
  });
  const expected = from + 2 * Math.floor(seconds * perSecond);
  await delivered(expected);
  const rows = await running.system.stores.readModels.find<QueuedNotification>('notifications', {
    filter: { recordedAt: { $gte: steadyStart } },
  });
  const delays = rows.items
    .filter((row) => acceptedAt.has(row.id))
    .map((row) => (acceptedAt.get(row.id) ?? 0) - Date.parse(row.recordedAt));
  line(
    `steady: ${perSecond} urges/s for ${seconds} s (${delays.length} notifications), fact → SMTP peer`,
    latencies(delays),
  );
  line('messages the peer accepted twice for one notification', String(duplicates));
} finally {
  clearInterval(watch);
  await sys?.stop();
  await peer.down();
}
