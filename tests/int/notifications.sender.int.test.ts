import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import { queued } from '../../domain/notifications/queue-row.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import type { OutgoingNotification } from '../../infra/notify/port.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { createNotificationQueue, queueCollection } from '../../services/notifications/queue.ts';
import { createSender } from '../../services/notifications/sender.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';

/** The sender against real embedded stores, a still clock and a channel that fails on demand. */
const setUp = () => {
  const clock = settableClock('2021-03-01T02:00:00.000Z');
  const eventStore = openSqliteEventStore({ path: ':memory:' });
  const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
  const handle = createCommandHandler({ store: eventStore, clock });
  const sent: OutgoingNotification[] = [];
  let failing = true;
  const sender = createSender({
    eventStore,
    readModels,
    handle,
    clock,
    channels: {
      email: {
        async send(message) {
          if (failing) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
          sent.push(message);
        },
      },
    },
    quietHours: null,
    backoff: { baseMs: 1000, capMs: 8000 },
    concurrency: 2,
    // The longest delay the jitter allows, so the test knows when a retry is due.
    random: () => 0.999,
  });
  // The queue reads the log up to the projector's checkpoint: stand in for it.
  const queue = createNotificationQueue({ eventStore, readModels, batchSize: 100 });
  const follow = async () => {
    const end = await eventStore.lastPosition();
    const at = await readModels.getCheckpoint('main');
    if (end > at) await readModels.commit('main', [], { from: at, to: end });
    await queue.catchUp();
  };
  const row: QueuedNotification = queued(
    {
      id: '0f8fad5b-d9cb-569f-a165-70867728950e',
      sourceEventId: 'e1',
      sourceType: 'TaskUrged',
      sourcePosition: 1,
      taskId: 't1',
      officialId: 'li',
      officialName: '李联络',
      unitId: 'edu',
      channel: 'email',
      address: 'li@edu.example.gov.cn',
      unroutable: null,
      subject: '【催办】',
      text: '请报送',
      urgent: false,
      recordedAt: clock.now(),
    },
    1,
  );
  return {
    clock,
    eventStore,
    readModels,
    sender,
    sent,
    follow,
    recover: () => {
      failing = false;
    },
    async seed() {
      await readModels.commit('seed', [{ collection: queueCollection, id: row.id, doc: row }], {
        from: 0,
        to: 1,
      });
      return row.id;
    },
  };
};

describe('the sender', () => {
  it('waits the backoff before each retry, records failures sparingly, and delivers once', async () => {
    const t = setUp();
    const id = await t.seed();
    const tries: number[] = [];
    for (let step = 0; step < 60; step++) {
      tries.push(await t.sender.sendDue());
      await t.follow();
      t.clock.advance(500);
    }
    // Ceilings 1, 2, 4, 8, 8 … s, nearly reached: tried at 0, ~1, ~3, ~7, ~15, ~23 s.
    const attemptsAt = tries.flatMap((count, step) => (count > 0 ? [step * 0.5] : []));
    expect(attemptsAt).toEqual([0, 1, 3, 7, 15, 23]);
    const failures = (await t.eventStore.readAll({ after: 0, limit: 100 })).map(
      (event) => (event.data as { attempts: number }).attempts,
    );
    expect(failures).toEqual([1, 5]);

    t.recover();
    for (let step = 0; step < 30; step++) {
      await t.sender.sendDue();
      await t.follow();
      t.clock.advance(500);
    }
    expect(t.sent.map((message) => message.id)).toEqual([id]);
    const row = await t.readModels.get<QueuedNotification>(queueCollection, id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 7 });
  });
});
