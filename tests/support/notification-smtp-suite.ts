import type { QueuedNotification } from '../../domain/notifications/queue-row.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, office } from './broker-calls.ts';
import { type SmtpPeer, startSmtpPeer } from './smtp-peer.ts';
import { startTestSystem, type TestSystem } from './test-system.ts';

/**
 * Notifications by e-mail through a real SMTP peer, on the stores `storeEnv`
 * names (the embedded ones when empty): each received once, the peer down then
 * up, quiet hours, the office's retry.
 */
export const smtpNotificationSuite = (
  storeEnv: () => Record<string, string>,
  cleanUp: () => Promise<void> = async () => {},
) => {
  /** 10:00 in Beijing on Monday 1 March 2021. */
  const clock = settableClock('2021-03-01T02:00:00.000Z');

  let sys: TestSystem;
  let peer: SmtpPeer;
  const { call } = brokerCalls(() => sys);

  const waitFor = async <T>(what: string, probe: () => Promise<T | null | false>, ms = 15_000) => {
    const until = Date.now() + ms;
    let last: unknown = null;
    for (;;) {
      const value = await probe();
      last = value;
      if (value) return value;
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  type Page = { items: QueuedNotification[]; total: number };
  const rowsOf = async (taskId: string): Promise<QueuedNotification[]> => {
    await sys.settled();
    await call('notifications.catchUp', {}, { id: 'notifier', role: 'system' });
    return (await call<Page>('notifications.list', { taskId, first: 200 }, office)).items;
  };

  /** How many messages the peer accepted for each notification id. */
  const receivedPerId = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const mail of peer.received) {
      const id = /^<([^@]+)@/.exec(mail.messageId ?? '')?.[1] ?? 'none';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };

  const official = async (
    id: string,
    name: string,
    unitId: string,
    post: string,
    email?: string,
  ) => {
    await call('directory.registerOfficial', { id, name, title: '干部' }, office);
    await call(
      'directory.assignPost',
      { officialId: id, unitId, post, from: '2021-01-01' },
      office,
    );
    if (email) {
      await call(
        'directory.changeOfficialContacts',
        { officialId: id, email, mobile: null, channels: ['email'] },
        office,
      );
    }
  };

  beforeAll(async () => {
    peer = await startSmtpPeer();
    sys = await startTestSystem(
      {
        SERVICES: 'tasks,directory,rules,views,projector,notifications',
        ...storeEnv(),
        NOTIFY_SMTP_URL: peer.url(),
        NOTIFY_SMTP_FROM: 'duban@example.gov.cn',
        NOTIFY_QUIET_HOURS: '22:00-07:30',
        NOTIFY_SENDER_INTERVAL_MS: '50',
        NOTIFY_RETRY_BASE_MS: '100',
        NOTIFY_RETRY_CAP_MS: '400',
      },
      { clock },
    );
    await call('directory.registerUnit', { id: 'edu', name: '区教育局' }, office);
    await call('directory.registerUnit', { id: 'env', name: '区生态环境局' }, office);
    await official('edu-contact', '李联络', 'edu', 'contact', 'li@edu.example.gov.cn');
    await official('edu-head', '王局长', 'edu', 'unit_head', 'wang@edu.example.gov.cn');
    await official('env-contact', '赵联络', 'env', 'contact', 'zhao@env.example.gov.cn');
    // No contacts: the office sees a notification nobody can be reached by.
    await official('env-head', '钱局长', 'env', 'unit_head');
    await official('leader', '孙副区长', 'edu', 'responsible_leader', 'sun@gov.example.gov.cn');
  });
  afterAll(async () => {
    await sys.stop();
    await peer.down();
    await cleanUp();
  });

  let taskId: string;

  describe('notifications by e-mail through a real SMTP peer', () => {
    it('sends each notification of an assignment once, to the contact and head of each unit', async () => {
      ({ id: taskId } = await call<{ id: string }>(
        'tasks.registerTask',
        { title: '老旧小区改造', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
        office,
      ));
      await call(
        'tasks.assignTask',
        { taskId, leadUnitId: 'edu', cooperatingUnitIds: ['env'], responsibleLeader: 'leader' },
        office,
      );
      const rows = await waitFor('the assignment delivered', async () => {
        const found = await rowsOf(taskId);
        return found.filter((row) => row.status === 'delivered').length === 3 && found;
      });
      expect(rows.map((row) => [row.officialId, row.channel, row.status]).sort()).toEqual([
        ['edu-contact', 'email', 'delivered'],
        ['edu-head', 'email', 'delivered'],
        ['env-contact', 'email', 'delivered'],
        ['env-head', 'none', 'pending'],
      ]);
      expect(rows.find((row) => row.officialId === 'env-head')?.unroutable).toMatch('无可用渠道');
      const mail = peer.received.find((m) => m.to.includes('li@edu.example.gov.cn'));
      expect(mail?.raw).toContain('Subject: =?UTF-8?');
      expect(Object.fromEntries(receivedPerId())).toEqual(
        Object.fromEntries(rows.filter((r) => r.channel === 'email').map((r) => [r.id, 1])),
      );
    });

    it('keeps trying while the SMTP peer is down, and delivers each once when it is back', async () => {
      await peer.down();
      await call('tasks.urgeTask', { taskId, message: '请于本周报送进展' }, office);
      const failed = await waitFor('a failure recorded', async () => {
        const urged = (await rowsOf(taskId)).filter((row) => row.sourceType === 'TaskUrged');
        return urged.length === 2 && urged.every((row) => row.status === 'failed') && urged;
      });
      expect(failed[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
      // Down a while longer (the test's clock stands still unless moved): more
      // attempts, not one fact each.
      for (let step = 0; step < 30; step++) {
        clock.advance(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await peer.up();
      await waitFor('the urge delivered', async () => {
        clock.advance(200);
        const urged = (await rowsOf(taskId)).filter((row) => row.sourceType === 'TaskUrged');
        return urged.every((row) => row.status === 'delivered') && urged;
      });
      // A few more rounds: nothing sent twice.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([...receivedPerId().values()].every((count) => count === 1)).toBe(true);
      expect(receivedPerId().size).toBe(5);
      const log = await sys.system.stores.eventStore.readAll({ after: 0, limit: 10_000 });
      for (const row of await rowsOf(taskId)) {
        if (row.sourceType !== 'TaskUrged') continue;
        const of = log.filter(
          (e) => (e.data as { notificationId?: string }).notificationId === row.id,
        );
        const failed = of.filter((e) => e.type === 'NotificationDeliveryFailed');
        const done = of.filter((e) => e.type === 'NotificationDelivered');
        const attempts = (done[0]?.data as { attempts: number } | undefined)?.attempts ?? 0;
        // One delivery; failures recorded at the first attempt and every fifth, not at each.
        expect(done).toHaveLength(1);
        expect(failed.map((e) => (e.data as { attempts: number }).attempts)).toEqual(
          [1, 5, 10, 15, 20, 25, 30, 35, 40].filter((n) => n < attempts),
        );
        expect(attempts).toBeGreaterThan(2);
      }
    });

    it('holds a routine notification through quiet hours; an urgent one goes at once', async () => {
      clock.set('2021-03-02T15:00:00.000Z'); // 23:00 in Beijing
      await call('tasks.urgeTask', { taskId, unitId: 'env', message: '夜间催办' }, office);
      await call(
        'tasks.issueSupervisionNotice',
        {
          taskId,
          level: 'red',
          toUnitId: 'edu',
          subject: '进度严重滞后',
          body: '请立即整改',
          replyDueDate: '2021-03-05',
        },
        office,
      );
      const red = await waitFor('the red notice delivered', async () => {
        const rows = (await rowsOf(taskId)).filter(
          (r) => r.sourceType === 'SupervisionNoticeIssued',
        );
        return rows.length > 0 && rows.every((r) => r.status === 'delivered') && rows;
      });
      // Red goes to the unit and also to the responsible leader.
      expect(red.map((r) => r.officialId).sort()).toEqual(['edu-contact', 'edu-head', 'leader']);
      expect(red.every((r) => r.urgent)).toBe(true);
      const quiet = (await rowsOf(taskId)).filter((r) => r.text.includes('夜间催办'));
      expect(quiet.find((r) => r.officialId === 'env-contact')?.status).toBe('pending');

      clock.set('2021-03-02T23:40:00.000Z'); // 07:40 the next morning
      await waitFor('the night urge delivered in the morning', async () => {
        const rows = (await rowsOf(taskId)).filter((r) => r.text.includes('夜间催办'));
        return rows.find((r) => r.officialId === 'env-contact')?.status === 'delivered';
      });
      expect([...receivedPerId().values()].every((count) => count === 1)).toBe(true);
    });

    it('lets the office retry a notification that failed, and refuses to resend a delivered one', async () => {
      const delivered = (await rowsOf(taskId)).find((r) => r.status === 'delivered')!;
      await expect(
        call('notifications.retryNotification', { notificationId: delivered.id }, office),
      ).rejects.toMatchObject({ type: 'ILLEGAL_STATE' });
      await expect(
        call('notifications.retryNotification', { notificationId: 'no-such' }, office),
      ).rejects.toMatchObject({ type: 'NOT_FOUND' });
    });
  });
};
