import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, office } from '../support/broker-calls.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { startWebhookPeer, type WebhookPeer } from '../support/webhook-peer.ts';

/** 10:00 in Beijing on Monday 1 March 2021. */
const clock = settableClock('2021-03-01T02:00:00.000Z');

let sys: TestSystem;
let peer: WebhookPeer;
const { call } = brokerCalls(() => sys);

const waitFor = async <T>(what: string, probe: () => Promise<T | null | false>, ms = 15_000) => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const rowsOf = async (taskId: string, sourceType: string): Promise<QueuedNotification[]> => {
  await sys.settled();
  await call('notifications.catchUp', {}, { id: 'notifier', role: 'system' });
  const page = await call<{ items: QueuedNotification[] }>(
    'notifications.list',
    { taskId, first: 200 },
    office,
  );
  return page.items.filter((row) => row.sourceType === sourceType);
};

const receivedPerId = () => {
  const counts = new Map<string, number>();
  for (const hook of peer.received) {
    const id = hook.notificationId ?? 'none';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
};

beforeAll(async () => {
  peer = await startWebhookPeer({
    dingtalkSecrets: { 'tok-edu': 'SECedu', 'tok-all': 'SECall' },
    wecomKeys: ['key-all'],
    smsToken: 'sms-token',
  });
  sys = await startTestSystem(
    {
      SERVICES: 'tasks,directory,rules,views,projector,notifications',
      NOTIFY_DINGTALK_BASE_URL: peer.base,
      NOTIFY_DINGTALK_ROBOTS: JSON.stringify({
        edu: { accessToken: 'tok-edu', secret: 'SECedu' },
        '*': { accessToken: 'tok-all', secret: 'SECall' },
      }),
      NOTIFY_WECOM_BASE_URL: peer.base,
      NOTIFY_WECOM_ROBOTS: JSON.stringify({ '*': 'key-all' }),
      NOTIFY_SMS_URL: `${peer.base}/sms`,
      NOTIFY_SMS_TOKEN: 'sms-token',
      NOTIFY_QUIET_HOURS: 'none',
      NOTIFY_SENDER_INTERVAL_MS: '50',
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_RETRY_CAP_MS: '400',
    },
    { clock },
  );
  await call('directory.registerUnit', { id: 'edu', name: '区教育局' }, office);
  const people = [
    ['li', '李联络', 'contact', '13800000001', ['dingtalk', 'sms']],
    ['wang', '王局长', 'unit_head', '13800000002', ['wecom']],
  ] as const;
  for (const [id, name, post, mobile, channels] of people) {
    await call('directory.registerOfficial', { id, name, title: '干部' }, office);
    await call(
      'directory.assignPost',
      { officialId: id, unitId: 'edu', post, from: '2021-01-01' },
      office,
    );
    await call(
      'directory.changeOfficialContacts',
      { officialId: id, email: null, mobile, channels },
      office,
    );
  }
});
afterAll(async () => {
  await sys.stop();
  await peer.close();
});

let taskId: string;

describe('notifications through the 钉钉 and 企业微信 robots and the SMS gateway', () => {
  it('sends each once, in the vendors’ formats, DingTalk’s URL signed', async () => {
    ({ id: taskId } = await call<{ id: string }>(
      'tasks.registerTask',
      { title: '智慧校园建设', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
      office,
    ));
    await call('tasks.assignTask', { taskId, leadUnitId: 'edu', cooperatingUnitIds: [] }, office);
    const rows = await waitFor('the assignment delivered', async () => {
      const found = await rowsOf(taskId, 'TaskAssigned');
      return found.length === 3 && found.every((row) => row.status === 'delivered') && found;
    });
    expect(rows.map((row) => `${row.officialId}:${row.channel}`).sort()).toEqual([
      'li:dingtalk',
      'li:sms',
      'wang:wecom',
    ]);
    expect(peer.refusals).toEqual([]);
    const ding = peer.received.find((hook) => hook.vendor === 'dingtalk');
    // edu's own robot, @-mentioning the contact.
    expect(ding?.path).toBe('tok-edu');
    expect(ding?.body.at).toEqual({ atMobiles: ['13800000001'], isAtAll: false });
    const wecom = peer.received.find((hook) => hook.vendor === 'wecom');
    expect(wecom?.body.text).toMatchObject({ mentioned_mobile_list: ['13800000002'] });
    expect(peer.received.find((hook) => hook.vendor === 'sms')?.path).toBe('13800000001');
    expect(Object.fromEntries(receivedPerId())).toEqual(
      Object.fromEntries(rows.map((row) => [row.id, 1])),
    );
  });

  it('retries while the receivers refuse, and delivers each once when they are back', async () => {
    peer.down();
    await call('tasks.urgeTask', { taskId, message: '请于本周报送进展' }, office);
    const failed = await waitFor('failures recorded', async () => {
      const urged = await rowsOf(taskId, 'TaskUrged');
      return urged.length === 3 && urged.every((row) => row.status === 'failed') && urged;
    });
    // A 200 answer with errcode ≠ 0 is a failure, as is the gateway's 503.
    expect(failed.map((row) => row.lastError ?? '')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('HTTP 503'),
        expect.stringContaining('DingTalk refused: errcode 130101'),
        expect.stringContaining('WeCom refused: errcode 45009'),
      ]),
    );
    for (let step = 0; step < 20; step++) {
      clock.advance(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    peer.up();
    await waitFor('the urge delivered', async () => {
      clock.advance(200);
      const urged = await rowsOf(taskId, 'TaskUrged');
      return urged.every((row) => row.status === 'delivered');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receivedPerId().size).toBe(6);
    expect([...receivedPerId().values()].every((count) => count === 1)).toBe(true);
  });
});
