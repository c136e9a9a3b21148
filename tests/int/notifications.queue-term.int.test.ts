import { settableClock } from '../../infra/clock/clock.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { StaleTermError } from '../../infra/read-model-store/port.ts';
import { createNotificationQueue, queueCheckpoint } from '../../services/notifications/queue.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import { registerUnit } from '../support/int-fixtures.ts';

describe('the notification queue under the notifier lease', () => {
  it("refuses the old holder's page once the new holder has taken one, moving nothing", async () => {
    const eventStore = openSqliteEventStore({ path: ':memory:' });
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    const handle = createCommandHandler({
      store: eventStore,
      clock: settableClock('2021-03-01T02:00:00.000Z'),
    });
    // The queue reads the log up to the projector's checkpoint: stand in for it.
    const projected = async () => {
      const end = await eventStore.lastPosition();
      const at = await readModels.getCheckpoint('main');
      if (end > at) await readModels.commit('main', [], { from: at, to: end });
      return end;
    };
    const old = createNotificationQueue({ eventStore, readModels, batchSize: 100 });
    const next = createNotificationQueue({ eventStore, readModels, batchSize: 100 });
    try {
      await registerUnit(handle, 'edu');
      await projected();
      await old.catchUp(() => true, 1);
      await registerUnit(handle, 'health');
      const taken = await projected();
      await next.catchUp(() => true, 2);
      expect(await readModels.getCheckpoint(queueCheckpoint)).toBe(taken);

      await registerUnit(handle, 'police');
      await projected();
      await expect(old.catchUp(() => true, 1)).rejects.toBeInstanceOf(StaleTermError);
      expect(await readModels.getCheckpoint(queueCheckpoint)).toBe(taken);
      await next.catchUp(() => true, 2);
      expect(await readModels.getCheckpoint(queueCheckpoint)).toBe(await eventStore.lastPosition());
    } finally {
      await readModels.close();
      await eventStore.close();
    }
  });
});
