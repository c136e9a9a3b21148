import type { Actor } from '../../contracts/actor.ts';
import { timeLimitDefaults } from '../../contracts/events/ruleset-events.ts';
import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { ClockRunReport } from '../../services/supervision/supervision.service.ts';
import { brokerCalls, head, office } from '../support/broker-calls.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { startWebhookPeer, type WebhookPeer } from '../support/webhook-peer.ts';

/*
 * A 领导批示件 from intake to 办结 on the embedded store, the whole system in one
 * process, its time limits watched by the clock over the 2021 calendar and every
 * notification received by a real SMTP peer and by local DingTalk, WeCom and SMS
 * receivers, each once; the receivers are down for a while in the middle.
 */

/** 09:00 China Standard Time on `day`. */
const at = (day: string) => `${day}T01:00:00.000Z`;
const clock = settableClock(at('2021-03-05'));

let sys: TestSystem;
let smtp: SmtpPeer;
let hooks: WebhookPeer;
const { call } = brokerCalls(() => sys);

let lastTask = '';
const liaison: Actor = { id: 'liaison-edu', role: 'liaison', unitId: 'edu' };

const waitFor = async <T>(what: string, probe: () => Promise<T | null | false>, ms = 20_000) => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) {
      const rows = sys ? await rowsOf(lastTask).catch(() => []) : [];
      const seen = rows.map(
        (row) => `${row.sourceType}/${row.officialId}:${row.channel}=${row.status}`,
      );
      throw new Error(`timed out waiting for ${what}; the queue holds ${seen.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const runClockOn = (day: string): Promise<ClockRunReport> => {
  clock.set(at(day));
  return call<ClockRunReport>('supervision.runClock', {}, office);
};

const on = <T = Record<string, unknown>>(
  day: string,
  action: string,
  params: object,
  actor: Actor,
) => {
  clock.set(at(day));
  return call<T>(action, params, actor);
};

const rowsOf = async (taskId: string): Promise<QueuedNotification[]> => {
  await sys.settled();
  await call('notifications.catchUp', {}, { id: 'notifier', role: 'system' });
  const page = await call<{ items: QueuedNotification[] }>(
    'notifications.list',
    { taskId, first: 200 },
    office,
  );
  return page.items;
};

/** Who a kind of fact reached: `official:channel`, sorted. */
const reached = (rows: readonly QueuedNotification[], sourceType: string) =>
  rows
    .filter((row) => row.sourceType === sourceType)
    .map((row) => `${row.officialId}:${row.channel}`)
    .sort();

/** How many times each notification id arrived, over every receiver. */
const arrivals = (): Map<string, number> => {
  const counts = new Map<string, number>();
  const count = (id: string | null) =>
    counts.set(id ?? 'none', (counts.get(id ?? 'none') ?? 0) + 1);
  for (const mail of smtp.received)
    count(/^<([0-9a-f-]{36})@/.exec(mail.messageId ?? '')?.[1] ?? null);
  for (const hook of hooks.received) count(hook.notificationId);
  return counts;
};

const allDelivered = async (taskId: string, count: number) => {
  lastTask = taskId;
  return waitFor(`${count} notifications delivered`, async () => {
    clock.advance(1_000);
    const rows = await rowsOf(taskId);
    return rows.length === count && rows.every((row) => row.status === 'delivered') && rows;
  });
};

beforeAll(async () => {
  smtp = await startSmtpPeer();
  hooks = await startWebhookPeer({
    dingtalkSecrets: { 'tok-all': 'SECall' },
    wecomKeys: ['key-all'],
    smsToken: 'sms-token',
  });
  sys = await startTestSystem(
    {
      SUPERVISION_CLOCK_INTERVAL_MS: '0',
      NOTIFY_SMTP_URL: smtp.url(),
      NOTIFY_SMTP_FROM: 'duban@gaoxin.gov.cn',
      NOTIFY_DINGTALK_BASE_URL: hooks.base,
      NOTIFY_DINGTALK_ROBOTS: JSON.stringify({ '*': { accessToken: 'tok-all', secret: 'SECall' } }),
      NOTIFY_WECOM_BASE_URL: hooks.base,
      NOTIFY_WECOM_ROBOTS: JSON.stringify({ '*': 'key-all' }),
      NOTIFY_SMS_URL: `${hooks.base}/sms`,
      NOTIFY_SMS_TOKEN: 'sms-token',
      NOTIFY_QUIET_HOURS: 'none',
      NOTIFY_SENDER_INTERVAL_MS: '50',
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_RETRY_CAP_MS: '400',
    },
    { clock },
  );
  await call('directory.registerUnit', { id: 'gov', name: '区政府' }, office);
  await call('directory.registerUnit', { id: 'edu', name: '区教育局' }, office);
  const people = [
    ['li', '李联络', 'edu', 'contact', 'li@edu.gov.cn', '13800000001', ['email']],
    ['wang', '王局长', 'edu', 'unit_head', 'wang@edu.gov.cn', '13800000002', ['email', 'dingtalk']],
    [
      'sun',
      '孙副区长',
      'gov',
      'responsible_leader',
      'sun@gov.cn',
      '13800000003',
      ['email', 'wecom'],
    ],
    ['zhou', '周区长', 'gov', 'main_leader', 'zhou@gov.cn', '13800000004', ['email', 'sms']],
  ] as const;
  for (const [id, name, unitId, post, email, mobile, channels] of people) {
    await call('directory.registerOfficial', { id, name, title: '干部' }, office);
    await call(
      'directory.assignPost',
      { officialId: id, unitId, post, from: '2021-01-01' },
      office,
    );
    await call(
      'directory.changeOfficialContacts',
      { officialId: id, email, mobile, channels },
      office,
    );
  }
  await call(
    'rules.publishRuleset',
    {
      ...defaultRuleset,
      version: 1,
      inForceFrom: '2021-03-01',
      note: '签收时限一个工作日',
      timeLimits: { ...timeLimitDefaults, signingWorkingDays: 1 },
    },
    office,
  );
});
afterAll(async () => {
  await sys.stop();
  await smtp.down();
  await hooks.close();
});

describe('a 领导批示件 from intake to 办结, its people told of every step', () => {
  let taskId: string;
  let milestoneId: string;

  it('is registered, assigned with a weekly report, and both people of the unit are told', async () => {
    // Friday 5 March 2021.
    ({ id: taskId } = await on<{ id: string }>(
      '2021-03-05',
      'tasks.registerMatter',
      {
        title: '落实区长关于校园安全的批示',
        dueDate: '2021-06-30',
        source: {
          kind: 'leader_instruction',
          documentNumber: '批示〔2021〕7号',
          issuer: '周区长',
          issuedOn: '2021-03-04',
          originalText: '请教育局牵头，两周内拿出校园安全整改方案。',
        },
      },
      office,
    ));
    await on(
      '2021-03-05',
      'tasks.assignTask',
      { taskId, leadUnitId: 'edu', responsibleLeader: 'sun', reportingCycle: 'weekly' },
      office,
    );
    ({ milestoneId } = await on<{ milestoneId: string }>(
      '2021-03-05',
      'tasks.planMilestone',
      { taskId, title: '制定整改方案', dueDate: '2021-06-30', weight: 1 },
      office,
    ));
    const rows = await allDelivered(taskId, 3);
    expect(reached(rows, 'TaskAssigned')).toEqual(['li:email', 'wang:dingtalk', 'wang:email']);
  });

  it('is signed one working day late across the weekend: reminded on Tuesday, not Monday', async () => {
    expect((await runClockOn('2021-03-08')).signingReminded).toBe(0);
    expect((await runClockOn('2021-03-09')).signingReminded).toBe(1);
    await on('2021-03-09', 'tasks.signTask', { taskId }, liaison);
    const rows = await allDelivered(taskId, 6);
    expect(reached(rows, 'TaskSigningReminded')).toEqual([
      'li:email',
      'wang:dingtalk',
      'wang:email',
    ]);
  });

  it('misses the week of 8 March: recorded, and urged by the clock', async () => {
    expect((await runClockOn('2021-03-15')).reportsMissed).toBe(1);
    // The liaison drafts the next reports; the unit head approves them (审核).
    for (const [day, percent] of [
      ['2021-03-16', 10],
      ['2021-03-23', 20],
      ['2021-03-30', 30],
    ] as const) {
      const draftId = `d-${day}`;
      await on(day, 'tasks.reportProgress', { taskId, milestoneId, percent, draftId }, liaison);
      await on(day, 'tasks.approveProgressReport', { taskId, draftId }, head('edu'));
    }
    const rows = await allDelivered(taskId, 6 + 3 + 3 + 3 * 2);
    expect(reached(rows, 'ProgressReportMissed')).toEqual([
      'li:email',
      'wang:dingtalk',
      'wang:email',
    ]);
    expect(reached(rows, 'TaskUrged')).toEqual(['li:email', 'wang:dingtalk', 'wang:email']);
    // Each draft reached the unit head alone.
    expect(reached(rows, 'ProgressReportDrafted')).toEqual([
      'wang:dingtalk',
      'wang:dingtalk',
      'wang:dingtalk',
      'wang:email',
      'wang:email',
      'wang:email',
    ]);
  });

  it('escalates the unanswered 催办 to a blue, then a yellow 督办单, while the receivers are down', async () => {
    await smtp.down();
    hooks.down();
    // The 催办 was due by Thursday 18 March: overdue Friday, with a blue slip.
    expect((await runClockOn('2021-03-19')).repliesOverdue).toBe(1);
    const failing = await waitFor('failures recorded', async () => {
      clock.advance(1_000);
      const rows = await rowsOf(taskId);
      const blue = rows.filter((row) => row.sourceType === 'SupervisionNoticeIssued');
      return blue.length > 0 && blue.every((row) => row.status === 'failed') && blue;
    });
    expect(failing.every((row) => (row.lastError ?? '') !== '')).toBe(true);
    // The blue slip was due in five working days: overdue Monday 29, with a yellow slip.
    expect((await runClockOn('2021-03-29')).repliesOverdue).toBe(1);
    const before = arrivals().size;
    for (let step = 0; step < 10; step++) {
      clock.advance(500);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(arrivals().size).toBe(before);
    await smtp.up();
    hooks.up();
    const rows = await allDelivered(taskId, 18 + (5 + 3) + (5 + 5));
    expect(reached(rows, 'UrgeReplyOverdue')).toEqual([
      'li:email',
      'sun:email',
      'sun:wecom',
      'wang:dingtalk',
      'wang:email',
    ]);
    const notices = rows.filter((row) => row.sourceType === 'SupervisionNoticeIssued');
    expect(notices.filter((row) => row.subject.startsWith('【蓝色督办单】')).length).toBe(3);
    // Yellow also reaches the responsible leader (分管领导).
    expect(
      notices
        .filter((row) => row.subject.startsWith('【黄色督办单】'))
        .map((row) => `${row.officialId}:${row.channel}`)
        .sort(),
    ).toEqual(['li:email', 'sun:email', 'sun:wecom', 'wang:dingtalk', 'wang:email']);
  });

  it('is answered, replied to the leader and closed (办结); nothing goes up after the answer', async () => {
    type Page = { notices: { id: string; level: string }[]; status: string };
    await sys.settled();
    const page = await call<Page>('views.task', { id: taskId }, office);
    const yellow = page.notices.find((notice) => notice.level === 'yellow');
    await on(
      '2021-03-31',
      'tasks.answerSupervisionNotice',
      { taskId, noticeId: yellow?.id, answer: '已补报进展并说明原因', evidence: [] },
      head('edu'),
    );
    for (const day of ['2021-04-01', '2021-04-02', '2021-04-06']) {
      expect(await runClockOn(day)).toMatchObject({ repliesOverdue: 0, failed: 0 });
    }
    await on(
      '2021-04-06',
      'tasks.replyToSource',
      { taskId, text: '校园安全整改方案已制定并印发', documentNumber: '高新教〔2021〕9号' },
      head('edu'),
    );
    await on('2021-04-06', 'tasks.completeMilestone', { taskId, milestoneId }, head('edu'));
    await on(
      '2021-04-06',
      'tasks.reportTaskCompletion',
      { taskId, summary: '已办结' },
      head('edu'),
    );
    await on('2021-04-07', 'tasks.acceptTaskCompletion', { taskId }, office);
    await sys.settled();
    expect((await call<Page>('views.task', { id: taskId }, office)).status).toBe('closed');
  });

  it('delivered every notification once: none lost while the receivers were down, none doubled', async () => {
    const rows = await allDelivered(taskId, 36);
    const counts = arrivals();
    expect([...counts.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // Each e-mail went to its person's address.
    const mailed = rows.filter((row) => row.channel === 'email');
    expect(smtp.received.length).toBe(mailed.length);
    for (const row of mailed) {
      const mail = smtp.received.find((m) => m.messageId?.startsWith(`<${row.id}@`));
      expect(mail?.to).toEqual([row.address]);
    }
  });
});
