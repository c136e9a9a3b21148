import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, office } from '../support/broker-calls.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** 10:00 in Beijing on Monday 1 March 2021. */
const clock = settableClock('2021-03-01T02:00:00.000Z');
const withNotifications = 'tasks,directory,rules,views,projector,notifications';
const withoutNotifications = 'tasks,directory,rules,views,projector';

let sys: TestSystem;
const { call } = brokerCalls(() => sys);

const queue = async (): Promise<QueuedNotification[]> => {
  await sys.settled();
  await call('notifications.catchUp', {}, { id: 'notifier', role: 'system' });
  return (await sys.system.stores.readModels.find<QueuedNotification>('notifications')).items;
};

afterAll(() => sys.stop());

/** Unit `edu`, its contact `li` (by email), and a task led by `edu`: its id. */
const contactAndTask = async (): Promise<string> => {
  await call('directory.registerUnit', { id: 'edu', name: '区教育局' }, office);
  await call('directory.registerOfficial', { id: 'li', name: '李联络', title: '联络员' }, office);
  await call(
    'directory.assignPost',
    { officialId: 'li', unitId: 'edu', post: 'contact', from: '2021-01-01' },
    office,
  );
  await call(
    'directory.changeOfficialContacts',
    { officialId: 'li', email: 'li@edu.example.gov.cn', mobile: null, channels: ['email'] },
    office,
  );
  const { id: taskId } = await call<{ id: string }>(
    'tasks.registerTask',
    { title: '老旧小区改造', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  await call('tasks.assignTask', { taskId, leadUnitId: 'edu', cooperatingUnitIds: [] }, office);
  return taskId;
};

describe('the notification queue', () => {
  it('begins at the log’s end on its first start: the history is not notified again', async () => {
    sys = await startTestSystem({ SERVICES: withoutNotifications }, { clock });
    const taskId = await contactAndTask();
    const { dataDir } = sys;
    await sys.stop({ keepData: true });

    sys = await startTestSystem({ SERVICES: withNotifications }, { clock, dataDir });
    expect(await queue()).toEqual([]);
    await call('tasks.urgeTask', { taskId, message: '请报送进展' }, office);
    const rows = await queue();
    // No channel is configured: queued, pending, visible.
    expect(rows.map((row) => [row.sourceType, row.officialId, row.channel, row.status])).toEqual([
      ['TaskUrged', 'li', 'email', 'pending'],
    ]);
  });

  it('starts again at the end when the read models are emptied under it (a rebuild)', async () => {
    const [taskId] = (await queue()).map((row) => row.taskId);
    await sys.system.stores.readModels.reset();
    await sys.settled();
    expect(await queue()).toEqual([]);
    await call('tasks.urgeTask', { taskId, message: '再次催办' }, office);
    const rows = await queue();
    expect(rows.map((row) => row.text.includes('再次催办'))).toEqual([true]);
  });

  it('looks the address up again when the office retries, after the person changed it', async () => {
    const [row] = await queue();
    expect(row?.address).toBe('li@edu.example.gov.cn');
    await call(
      'directory.changeOfficialContacts',
      { officialId: 'li', email: 'li.new@edu.example.gov.cn', mobile: null, channels: ['email'] },
      office,
    );
    await call('notifications.retryNotification', { notificationId: row?.id }, office);
    const [retried] = await queue();
    expect(retried).toMatchObject({
      id: row?.id,
      address: 'li.new@edu.example.gov.cn',
      status: 'pending',
    });
  });

  it("shows a person their own notifications, and nobody else's", async () => {
    const mine = await call<{ items: QueuedNotification[] }>(
      'notifications.mine',
      {},
      { id: 'li', role: 'leader' },
    );
    expect(mine.items.map((row) => row.officialId)).toEqual(['li']);
    const others = await call<{ items: QueuedNotification[] }>(
      'notifications.mine',
      {},
      { id: 'wang', role: 'leader' },
    );
    expect(others.items).toEqual([]);
  });
});

describe('the notification queue over a log whose positions have gaps', () => {
  it('begins at the log’s end, notifies what follows, and begins there again after a rebuild', async () => {
    await sys.stop();
    sys = await startTestSystem(
      { SERVICES: withoutNotifications },
      { clock, eventStore: sparseEventStore },
    );
    const taskId = await contactAndTask();
    const { dataDir } = sys;
    await sys.stop({ keepData: true });

    sys = await startTestSystem(
      { SERVICES: withNotifications },
      { clock, dataDir, eventStore: sparseEventStore },
    );
    expect(await queue()).toEqual([]);
    await call('tasks.urgeTask', { taskId, message: '请报送进展' }, office);
    expect((await queue()).map((row) => row.sourceType)).toEqual(['TaskUrged']);
    await sys.system.stores.readModels.reset();
    await sys.settled();
    expect(await queue()).toEqual([]);
    await call('tasks.urgeTask', { taskId, message: '再次催办' }, office);
    expect((await queue()).map((row) => row.text.includes('再次催办'))).toEqual([true]);
  });
});
